import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Audit logs enabled: on a self-managed control plane, a kube-apiserver Pod without --audit-policy-file fails; on a managed one (no such Pod) it needs the cloud provider's API and is skipped. */
export const control = defineControl({
  id: "C-0067",
  description: "Checks that the API server writes audit logs; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable audit logging on the API server or in the cloud provider's cluster settings.",
  implementation: "cloud",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--audit-policy-file", "<path/to/audit-policy.yaml>"]])),
  skipReason: "no kube-apiserver Pod in the snapshot (managed control plane): needs the cloud provider's API (GKE, EKS), which this scanner does not call",
});
