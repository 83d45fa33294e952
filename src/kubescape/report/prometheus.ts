import type { ScanResult } from "../engine/results.ts";
import type { ReportContext } from "./context.ts";

function label(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** Prometheus text exposition of the scan (kubescape's `prometheus` format, snake_case names). */
export function renderPrometheus(result: ScanResult, ctx: ReportContext): string {
  const out: string[] = [];
  const metric = (name: string, help: string, samples: Array<[Record<string, string>, number]>) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const [labels, value] of samples) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${label(v)}"`).join(",");
      out.push(`${name}${l ? `{${l}}` : ""} ${Number.isFinite(value) ? value : 0}`);
    }
  };
  const cluster = { cluster: ctx.clusterName ?? "" };
  metric("kubescape_cluster_compliance_score", "Compliance score of the scan (0-100, higher is better)", [[cluster, result.complianceScore]]);
  metric("kubescape_cluster_risk_score", "Risk score of the scan (0-100, lower is better)", [[cluster, result.riskScore]]);
  metric("kubescape_resources_count", "Resources by status across all controls", (["passed", "failed", "excepted"] as const).map((s) => [{ ...cluster, status: s }, result.resourceCounters[s]]));
  metric("kubescape_controls_count", "Controls by status", (["passed", "failed", "skipped", "excepted"] as const).map((s) => [{ ...cluster, status: s }, result.controlCounters[s]]));
  metric("kubescape_framework_compliance_score", "Compliance score per framework", result.frameworks.map((f) => [{ ...cluster, framework: f.name }, f.complianceScore]));
  metric("kubescape_framework_risk_score", "Risk score per framework", result.frameworks.map((f) => [{ ...cluster, framework: f.name }, f.riskScore]));
  const ran = result.controls.filter((c) => c.status !== "skipped");
  const cl = (c: (typeof ran)[number]) => ({ ...cluster, control_id: c.control.id, name: c.control.name, severity: c.control.severity.toLowerCase() });
  metric("kubescape_control_compliance_score", "Compliance score per control", ran.filter((c) => c.complianceScore !== undefined).map((c) => [cl(c), c.complianceScore!]));
  metric("kubescape_control_risk_score", "Risk score per control", ran.filter((c) => c.riskScore !== undefined).map((c) => [cl(c), c.riskScore!]));
  metric("kubescape_control_failed_resources", "Failed resources per control", ran.map((c) => [cl(c), c.counters.failed]));
  metric("kubescape_control_excepted_resources", "Excepted resources per control", ran.map((c) => [cl(c), c.counters.excepted]));
  return `${out.join("\n")}\n`;
}
