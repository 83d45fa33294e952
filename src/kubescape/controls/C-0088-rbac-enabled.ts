import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** RBAC enabled: on a self-managed control plane, a kube-apiserver Pod whose --authorization-mode lacks RBAC fails; on a managed one (no such Pod) it needs the cloud provider's API and is skipped. */
export const control = defineControl({
  id: "C-0088",
  description: "Checks that RBAC authorization is enabled; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable RBAC authorization on the API server or in the cloud provider's cluster settings.",
  implementation: "cloud",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--authorization-mode", "RBAC")),
  skipReason: "no kube-apiserver Pod in the snapshot (managed control plane): needs the cloud provider's API (GKE, EKS, AKS), which this scanner does not call",
});
