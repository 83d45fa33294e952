import { defineControl } from "./define.ts";

/** Workloads with RCE vulnerabilities exposed to external traffic: skipped (image); needs image vulnerability scan results (kubevuln), which posture scans do not include. */
export const control = defineControl({
  id: "C-0084",
  description: "Flags workloads exposed to external traffic whose images have remote code execution vulnerabilities.",
  remediation: "Update the vulnerable images or stop exposing the workload externally.",
  implementation: "image",
  skipReason: "needs image vulnerability scan results (kubevuln), which posture scans do not include",
});
