import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** PSP enabled: on a self-managed control plane, a kube-apiserver Pod whose --enable-admission-plugins lacks PodSecurityPolicy fails; on a managed one (no such Pod) it needs the cloud provider's API and is skipped. */
export const control = defineControl({
  id: "C-0068",
  description: "Checks that PodSecurityPolicy admission is enabled; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable pod security admission (Pod Security Standards) or an equivalent policy engine.",
  implementation: "cloud",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--enable-admission-plugins", "PodSecurityPolicy")),
  skipReason: "no kube-apiserver Pod in the snapshot (managed control plane): needs the cloud provider's API (GKE, EKS), which this scanner does not call",
});
