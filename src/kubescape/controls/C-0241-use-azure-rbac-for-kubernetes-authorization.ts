import { defineControl } from "./define.ts";

/** Use Azure RBAC for Kubernetes Authorization.: skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0241",
  description: "Checks that AKS uses Azure RBAC for Kubernetes authorization.",
  remediation: "Enable Azure RBAC for Kubernetes authorization on the cluster.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
