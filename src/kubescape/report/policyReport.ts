import type { ScanResult } from "../engine/results.ts";
import type { K8sObject } from "../types.ts";
import { type ReportContext, ruleNameOf } from "./context.ts";

type PolicyResult = "pass" | "fail" | "skip";

function reportName(namespace: string): string {
  return `kubescape-${namespace}`.slice(0, 253);
}

/**
 * wgpolicyk8s.io/v1alpha2 reports: one PolicyReport per namespace and one ClusterPolicyReport for
 * cluster-scoped resources, one result per (control, resource). Excepted findings are `skip`
 * with the exception named, so policy-report UIs show them without counting them as failures.
 */
export function buildPolicyReports(result: ScanResult, ctx: ReportContext): K8sObject[] {
  const seconds = Math.floor(Date.parse(ctx.generationTime) / 1000) || 0;
  const perNamespace = new Map<string, Array<Record<string, unknown>>>();
  const add = (i: number, entry: Record<string, unknown>) => {
    const ns = result.resources[i]!.metadata.namespace ?? "";
    let list = perNamespace.get(ns);
    if (!list) perNamespace.set(ns, (list = []));
    list.push(entry);
  };
  const resourceRef = (o: K8sObject) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), ...(o.metadata.uid ? { uid: o.metadata.uid } : {}) });
  for (const c of result.controls) {
    if (c.status === "skipped") continue;
    const base = {
      policy: c.control.id,
      rule: ruleNameOf(c.control.name),
      category: c.control.category ?? "Kubescape",
      severity: c.control.severity === "Unknown" ? "info" : c.control.severity.toLowerCase(),
      source: "kubescape",
      timestamp: { seconds, nanos: 0 },
    };
    const entry = (i: number, res: PolicyResult, message: string, properties: Record<string, string>) =>
      add(i, { ...base, result: res, message, scored: true, resources: [resourceRef(result.resources[i]!)], properties: { controlName: c.control.name, ...properties } });
    for (const f of c.failed) entry(f.resource, "fail", c.control.remediation || c.control.name, { paths: JSON.stringify(f.paths) });
    for (const e of c.excepted) entry(e.resource, "skip", `excepted by ${e.exceptions.join(", ")}`, { exceptions: e.exceptions.join(",") });
    for (const p of c.passed) entry(p, "pass", c.control.name, {});
  }
  const reports: K8sObject[] = [];
  for (const [ns, results] of [...perNamespace.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const summary = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
    for (const r of results) summary[r.result as PolicyResult]++;
    reports.push({
      apiVersion: "wgpolicyk8s.io/v1alpha2",
      kind: ns ? "PolicyReport" : "ClusterPolicyReport",
      metadata: { name: reportName(ns || "cluster"), ...(ns ? { namespace: ns } : {}), labels: { "app.kubernetes.io/managed-by": "kubescape", "app.kubernetes.io/created-by": "kubescape" } },
      summary,
      results,
    });
  }
  return reports;
}

export function renderPolicyReports(result: ScanResult, ctx: ReportContext): string {
  return `${JSON.stringify({ apiVersion: "v1", kind: "List", items: buildPolicyReports(result, ctx) }, null, 2)}\n`;
}
