/**
 * The chart scanned by the project's own posture scanner: with network policies (and egress
 * rules) on, the rendered
 * objects score 100% on NSA and MITRE once the chart's documented exceptions
 * (helm/kubescape-cloud-operator/posture-exceptions.json) apply, and without them exactly those
 * findings remain, so the exceptions hide nothing else.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseExceptions } from "../../src/kubescape/engine/exceptions.ts";
import { runScan } from "../../src/kubescape/scan.ts";
import { CHART_DIR, fixture, helm } from "./chart.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-chart-posture-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function renderedFile(args: string[]): string {
  const res = helm(["template", "ks", CHART_DIR, ...args]);
  if (res.status !== 0) throw new Error(res.stderr);
  const path = join(dir, `chart-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, res.stdout);
  return path;
}

const exceptions = parseExceptions(JSON.parse(readFileSync(join(CHART_DIR, "posture-exceptions.json"), "utf8")));
// C-0030 wants both directions restricted: policies on, with egress rules.
const withPolicies = ["--set", "global.networkPolicy.enabled=true", "--set", "global.networkPolicy.createEgressRules=true"];
const EXPECTED_FINDINGS = [
  "C-0007 ServiceAccount/operator",
  "C-0015 ServiceAccount/kollector",
  "C-0015 ServiceAccount/kubescape",
  "C-0015 ServiceAccount/operator",
  "C-0037 ServiceAccount/operator",
  "C-0038 DaemonSet/host-scanner",
  "C-0048 DaemonSet/host-scanner",
  "C-0053 ServiceAccount/kollector",
  "C-0053 ServiceAccount/kubescape",
  "C-0053 ServiceAccount/operator",
];

describe("posture of the rendered chart (NSA, MITRE)", () => {
  for (const [label, values] of [
    ["default values", fixture("default-values.yaml")],
    ["all-features values", fixture("all-features-values.yaml")],
  ] as const) {
    test(`${label}: 100% with the documented exceptions, and only those findings without them`, async () => {
      const path = renderedFile([...values, ...withPolicies]);
      const scan = (ex: typeof exceptions) => runScan({ targetType: "framework", targetNames: ["NSA", "MITRE"], paths: [path], exceptions: ex });

      const excepted = await scan(exceptions);
      expect(excepted.problems).toEqual([]);
      for (const f of excepted.result.frameworks) {
        expect({ framework: f.name, failed: f.controlCounters.failed, score: f.complianceScore }).toEqual({ framework: f.name, failed: 0, score: 100 });
      }
      expect(excepted.result.frameworks.map((f) => f.name).sort()).toEqual(["MITRE", "NSA"]);

      const raw = (await scan([])).result;
      const findings = raw.controls.flatMap((c) =>
        c.failed.map((f) => {
          const r = raw.resources[f.resource]!;
          return `${c.control.id} ${r.kind}/${r.metadata.name}`;
        }),
      );
      expect([...new Set(findings)].sort()).toEqual(EXPECTED_FINDINGS);
    });
  }

  test("without network policies every workload fails C-0030 (why the values offer them)", async () => {
    const raw = (await runScan({ targetType: "control", targetNames: ["C-0030"], paths: [renderedFile(fixture("default-values.yaml"))] })).result;
    const failed = raw.controls[0]!.failed.map((f) => raw.resources[f.resource]!.metadata.name).sort();
    expect(failed).toEqual(["gateway", "host-scanner", "kollector", "kubescape", "kubescape-scheduler", "kubevuln", "kubevuln-scheduler", "operator"]);
  });
});
