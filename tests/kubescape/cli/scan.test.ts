import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScanArgs, UsageError } from "../../../src/kubescape/cli/args.ts";
import { allControls } from "../../../src/kubescape/controls/index.ts";

const MAIN = join(import.meta.dir, "../../../src/main.ts");
const dir = mkdtempSync(join(tmpdir(), "ks-cli-"));
writeFileSync(
  join(dir, "bad.yaml"),
  `apiVersion: v1
kind: Pod
metadata: {name: bad, namespace: shop}
spec:
  containers:
    - name: c
      image: nginx
      securityContext: {privileged: true}
`,
);

function ks(args: string[], stdin?: string) {
  const proc = Bun.spawnSync([process.execPath, MAIN, "scan", ...args], { stdin: stdin ? new TextEncoder().encode(stdin) : undefined, env: { ...process.env, LOG_LEVEL: "silent" } });
  return { code: proc.exitCode, stdout: proc.stdout.toString(), stderr: proc.stderr.toString() };
}

describe("ks scan arguments", () => {
  test("targets, paths and thresholds", () => {
    const a = parseScanArgs(["framework", "nsa,mitre", "a.yaml", "dir/", "--format", "sarif", "--fail-threshold", "30", "--severity-threshold", "High", "-e", "kube-system,kube-public"]);
    expect(a).toMatchObject({ kind: "scan", targetType: "framework", targetNames: ["nsa", "mitre"], paths: ["a.yaml", "dir/"], format: "sarif", failThreshold: 30, severityThreshold: "high", excludeNamespaces: ["kube-system", "kube-public"] });
    expect(parseScanArgs(["control", "C-0057", "cluster"])).toMatchObject({ targetType: "control", targetNames: ["C-0057"], paths: [] });
    expect(parseScanArgs([])).toMatchObject({ targetType: "framework", targetNames: [], paths: [], format: "pretty" });
    expect(() => parseScanArgs(["--format", "xml"])).toThrow(UsageError);
    expect(() => parseScanArgs(["--fail-threshold", "200"])).toThrow(/0 to 100/);
    expect(() => parseScanArgs(["--severity-threshold", "urgent"])).toThrow(/severity-threshold/);
  });
});

describe("ks scan (process)", () => {
  test("file scan: report on stdout, exit 0 without thresholds, 1 above the severity threshold", () => {
    const ok = ks(["control", "C-0057", join(dir, "bad.yaml"), "--format", "json"]);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    const c = report.summaryDetails.controls["C-0057"];
    expect(allControls.some((x) => x.id === "C-0057" && x.implementation === "implemented")).toBe(true);
    expect(c.statusInfo.status).toBe("failed");
    const failing = ks(["control", "C-0057", join(dir, "bad.yaml"), "--severity-threshold", "high", "-o", join(dir, "out.xml"), "-f", "junit"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("severity threshold");
    expect(readFileSync(join(dir, "out.xml"), "utf8")).toContain("<testsuites");
    // Below the threshold: exit 0.
    expect(ks(["control", "C-0057", join(dir, "bad.yaml"), "--severity-threshold", "critical", "-o", join(dir, "out2.xml"), "-f", "junit"]).code).toBe(0);
  });
  test("stdin with '-'", () => {
    const r = ks(["control", "C-0057", "-", "--format", "json"], readFileSync(join(dir, "bad.yaml"), "utf8"));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).metadata.scanMetadata.inputPatterns).toEqual(["-"]);
  });
  test("usage errors exit 2 naming the problem", () => {
    const r = ks(["framework", "no-such-framework", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown framework no-such-framework");
  });
  test("list controls --format json gives every reference control with its status and counts", () => {
    const r = ks(["list", "controls", "--format", "json"]);
    expect(r.code).toBe(0);
    const { counts, controls } = JSON.parse(r.stdout);
    expect(controls.length).toBe(281);
    expect(counts.total).toBe(281);
    expect(counts.cloud).toBe(21);
    expect(counts.image).toBe(3);
    expect(counts.manual).toBe(8);
    const sum = Object.entries(counts).filter(([k]) => k !== "total").reduce((s, [, v]) => s + (v as number), 0);
    expect(sum).toBe(281);
    expect(controls.find((c: { id: string }) => c.id === "C-0088").implementation).toBe("cloud");
  });
  test("list frameworks names all 17", () => {
    const r = ks(["list", "frameworks", "--format", "json"]);
    const names = JSON.parse(r.stdout).frameworks.map((f: { name: string }) => f.name);
    expect(names.length).toBe(17);
    for (const n of ["NSA", "MITRE", "ArmoBest", "DevOpsBest", "AllControls", "ClusterScan", "WorkloadScan", "SOC2", "security", "YAML-scanning", "cis-v1.10.0", "cis-eks-t1.8.0"]) expect(names).toContain(n);
  });
});
