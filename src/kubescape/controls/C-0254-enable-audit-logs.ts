import { defineControl } from "./define.ts";

/** Enable audit Logs: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0254",
  description: "Audit logging on AKS is configured in Azure diagnostics, outside the cluster; this needs a manual review.",
  remediation: "Enable kube-audit diagnostic logs for the AKS cluster.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
