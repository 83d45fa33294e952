import { defineControl } from "./define.ts";

/** Ensure Kubernetes Secrets are encrypted: skipped (cloud); needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0244",
  description: "Checks that Secrets are encrypted with a customer-managed key in the cloud provider's settings.",
  remediation: "Enable KMS/customer-managed key encryption for Secrets.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call",
});
