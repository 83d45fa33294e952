import { defineControl } from "./define.ts";

/** Workloads with excessive amount of vulnerabilities: skipped (image); needs image vulnerability scan results (kubevuln), which posture scans do not include. */
export const control = defineControl({
  id: "C-0085",
  description: "Flags workloads whose images exceed the allowed number of critical or high vulnerabilities.",
  remediation: "Update the images so critical/high vulnerabilities stay below max_critical_vulnerabilities/max_high_vulnerabilities.",
  implementation: "image",
  skipReason: "needs image vulnerability scan results (kubevuln), which posture scans do not include",
});
