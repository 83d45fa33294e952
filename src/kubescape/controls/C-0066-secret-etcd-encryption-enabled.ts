import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Secret/etcd encryption enabled: on a self-managed control plane, a kube-apiserver Pod without --encryption-provider-config fails; on a managed one (no such Pod) it needs the cloud provider's API and is skipped. */
export const control = defineControl({
  id: "C-0066",
  description: "Checks that Kubernetes Secrets are encrypted at rest in etcd; on managed clusters this is a setting of the cloud provider's cluster description.",
  remediation: "Enable encryption at rest for Secrets (EncryptionConfiguration, or the provider's KMS envelope encryption).",
  implementation: "cloud",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--encryption-provider-config", "<path/to/EncryptionConfig/File>"]])),
  skipReason: "no kube-apiserver Pod in the snapshot (managed control plane): needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call",
});
