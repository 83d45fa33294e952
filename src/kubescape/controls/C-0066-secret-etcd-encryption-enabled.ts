import { defineControl } from "./define.ts";

/** Secret/etcd encryption enabled: skipped (cloud); needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0066",
  description: "Checks that Kubernetes Secrets are encrypted at rest in etcd; on managed clusters this is a setting of the cloud provider's cluster description.",
  remediation: "Enable encryption at rest for Secrets (EncryptionConfiguration, or the provider's KMS envelope encryption).",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call",
});
