import { describe, expect, test } from "bun:test";
import Ajv from "ajv-draft-04";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildPolicyReports } from "../../../src/kubescape/report/policyReport.ts";
import { buildPostureReport, writePostureReport } from "../../../src/kubescape/report/postureReport.ts";
import { renderReport, REPORT_FORMATS } from "../../../src/kubescape/report/render.ts";
import { renderSarif } from "../../../src/kubescape/report/sarif.ts";
import { locatePath } from "../../../src/kubescape/report/locatePath.ts";
import { renderPretty } from "../../../src/kubescape/report/pretty.ts";
import { SAMPLE_YAML, sampleScan } from "./sample.ts";

const sample = await sampleScan();

describe("json (Kubescape v2 PostureReport)", () => {
  test("summaryDetails, results[].controls[].rules[].paths, resources[] with sources", () => {
    const report = buildPostureReport(sample.result, sample.ctx);
    const s = report.summaryDetails;
    expect(s.frameworks.map((f) => f.name)).toEqual(["NSA"]);
    expect(s.controls["C-0057"]!.statusInfo.status).toBe("failed");
    expect(s.controls["C-0057"]!.ResourceCounters).toEqual({ passedResources: 1, failedResources: 1, excludedResources: 1, skippedResources: 0 });
    expect(s.controls["C-0069"]!.statusInfo).toEqual({ status: "skipped", info: expect.stringContaining("host-scanner") });
    const bad = report.results.find((r) => r.resourceID === "apps/v1/shop/Deployment/bad-web")!;
    const priv = bad.controls.find((c) => c.controlID === "C-0057")!;
    expect(priv.rules[0]!.paths).toEqual([{ failedPath: "spec.template.spec.containers[0].securityContext.privileged" }]);
    // The streamed writer produces the same document.
    let streamed = "";
    writePostureReport(sample.result, sample.ctx, (chunk) => (streamed += chunk));
    expect(JSON.parse(streamed)).toEqual(JSON.parse(JSON.stringify(report)));
    const debug = report.results.find((r) => r.resourceID === "/v1/kube-system/Pod/debug <&>")!;
    expect(debug.controls[0]!.status).toEqual({ status: "passed", subStatus: "w/exceptions" });
    const res = report.resources.find((r) => r.resourceID === "apps/v1/shop/Deployment/bad-web")!;
    expect(res.source).toEqual({ path: sample.file, relativePath: sample.file, fileType: "yaml", line: 1 });
    expect((res.object as { kind: string }).kind).toBe("Deployment");
    expect(s.controlsSeverityCounters.highSeverity).toBeGreaterThanOrEqual(1);
    expect(report.paginationInfo).toEqual({ chunkNumber: 0, isLastChunk: true });
    // Round-trips through JSON.
    expect(JSON.parse(renderReport("json", sample.result, sample.ctx)).reportGUID).toBe(sample.ctx.reportGUID);
  });
});

describe("junit", () => {
  test("validates against the JUnit XSD with xmllint; failures, skips and escaping", () => {
    const xml = renderReport("junit", sample.result, sample.ctx);
    const path = join(sample.dir, "junit.xml");
    writeFileSync(path, xml);
    const proc = Bun.spawnSync(["xmllint", "--noout", "--schema", join(import.meta.dir, "junit.xsd"), path]);
    expect(proc.stderr.toString()).toContain("validates");
    expect(proc.exitCode).toBe(0);
    expect(xml).toContain('classname="C-0057"');
    expect(xml).toMatch(/<failure message="1 of 3 resources failed/);
    expect(xml).toContain("<skipped message=");
    expect(xml).toContain("debug &lt;&amp;&gt;");
  });
  test("a broken document fails the same validation (the check can fail)", () => {
    const path = join(sample.dir, "bad.xml");
    writeFileSync(path, '<testsuites><testsuite tests="x"/></testsuites>');
    const proc = Bun.spawnSync(["xmllint", "--noout", "--schema", join(import.meta.dir, "junit.xsd"), path]);
    expect(proc.exitCode).not.toBe(0);
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dir, "../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  test("validates against the SARIF 2.1.0 schema and points at the failing line", () => {
    const sarif = JSON.parse(renderSarif(sample.result, sample.ctx, { readSource: (f) => readFileSync(f, "utf8"), baseDir: sample.dir }));
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; suppressions?: unknown[] }>;
    const priv = results.find((r) => r.ruleId === "C-0057" && !r.suppressions)!;
    expect(priv.locations[0]!.physicalLocation.artifactLocation.uri).toBe("workloads.yaml");
    expect(priv.locations[0]!.physicalLocation.region.startLine).toBe(15); // privileged: true
    const hostPid = results.find((r) => r.ruleId === "C-0038")!;
    expect(hostPid.locations[0]!.physicalLocation.region.startLine).toBe(10);
    expect(results.filter((r) => r.suppressions).length).toBe(1);
  });
  test("cluster scans use logical locations and still validate", async () => {
    const { buildResourceIndex } = await import("../../../src/kubescape/engine/resourceIndex.ts");
    const { evaluateControls } = await import("../../../src/kubescape/engine/evaluate.ts");
    const { privilegedControl, deployment } = await import("../engine/helpers.ts");
    const live = evaluateControls(buildResourceIndex([deployment("x", { privileged: true })], { isLiveCluster: true }), [privilegedControl]);
    const sarif = JSON.parse(renderSarif(live, sample.ctx));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName).toBe("apps/v1/default/Deployment/x");
  });
  test("an invalid log is rejected by the same validator", () => {
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
  });
  test("locatePath falls back to the deepest existing parent", () => {
    expect(locatePath(SAMPLE_YAML, 17, "spec.template.spec.containers[0].securityContext.runAsNonRoot")).toBe(26);
    expect(locatePath(SAMPLE_YAML, 1, "metadata.name")).toBe(4);
  });
});

describe("prometheus", () => {
  test("valid exposition lines with scores and per-control series", () => {
    const text = renderReport("prometheus", sample.result, sample.ctx);
    for (const line of text.trim().split("\n")) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? -?[\d.]+(e[+-]?\d+)?)$/);
    }
    expect(text).toContain('kubescape_control_failed_resources{cluster="",control_id="C-0057",name="Privileged container",severity="high"} 1');
    expect(text).toMatch(/kubescape_framework_compliance_score\{cluster="",framework="NSA"\} [\d.]+/);
  });
});

describe("pretty", () => {
  test("table with severities, colours only when asked", () => {
    const plain = renderPretty(sample.result, sample.ctx, { color: false, verbose: true });
    expect(plain).not.toContain("\x1b[");
    expect(plain).toMatch(/High\s+C-0057\s+Privileged container\s+1\s+3\s+67%\s+failed/);
    expect(plain).toContain(`${sample.file}:1`);
    expect(plain).toContain("/v1/kube-system/Pod/debug <&>  excepted by system");
    expect(plain).toContain("Compliance score:");
    const coloured = renderPretty(sample.result, sample.ctx, { color: true });
    expect(coloured).toContain("\x1b[31mHigh");
  });
});

describe("html", () => {
  test("one self-contained page with charts and the controls", () => {
    const html = renderReport("html", sample.result, sample.ctx);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=["']https?:|href=["']https?:/i);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("Privileged container");
    expect(html).toContain("debug &lt;&amp;&gt;");
    expect(html).toContain(`${sample.result.complianceScore.toFixed(2)}%`);
  });
});

describe("policyreport", () => {
  test("wgpolicyk8s.io/v1alpha2 PolicyReports per namespace with summaries", () => {
    const reports = buildPolicyReports(sample.result, sample.ctx);
    expect(reports.map((r) => `${r.kind}/${r.metadata.namespace}`)).toEqual(["PolicyReport/kube-system", "PolicyReport/shop"]);
    for (const r of reports) expect(r.apiVersion).toBe("wgpolicyk8s.io/v1alpha2");
    const shop = reports[1] as unknown as { summary: Record<string, number>; results: Array<{ policy: string; result: string; resources: Array<{ name: string }>; severity: string }> };
    expect(shop.summary).toEqual({ pass: 2, fail: 2, warn: 0, error: 0, skip: 0 });
    const fail = shop.results.find((r) => r.policy === "C-0057" && r.result === "fail")!;
    expect(fail.resources[0]!.name).toBe("bad-web");
    expect(fail.severity).toBe("high");
    const kubeSystem = reports[0] as unknown as { results: Array<{ result: string; message: string }> };
    expect(kubeSystem.results[0]!.result).toBe("skip");
    expect(kubeSystem.results[0]!.message).toContain("excepted by system");
  });
  test("every format renders", () => {
    for (const f of REPORT_FORMATS) expect(renderReport(f, sample.result, sample.ctx).length).toBeGreaterThan(50);
  });
});
