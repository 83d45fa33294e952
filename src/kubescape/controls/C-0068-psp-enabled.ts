import { defineControl } from "./define.ts";

/** PSP enabled: skipped (cloud); needs the cloud provider's API (GKE, EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0068",
  description: "Checks that PodSecurityPolicy admission is enabled; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable pod security admission (Pod Security Standards) or an equivalent policy engine.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE, EKS), which this scanner does not call",
});
