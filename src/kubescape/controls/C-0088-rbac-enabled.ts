import { defineControl } from "./define.ts";

/** RBAC enabled: skipped (cloud); needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0088",
  description: "Checks that RBAC authorization is enabled; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable RBAC authorization on the API server or in the cloud provider's cluster settings.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call",
});
