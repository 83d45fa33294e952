import { defineControl } from "./define.ts";

/** Cluster Access Manager API to streamline and enhance the management of access controls within EKS clusters: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0285",
  description: "Checks that the EKS cluster uses the access-entries API (Cluster Access Manager) for authentication.",
  remediation: "Set the cluster's authentication mode to API or API_AND_CONFIG_MAP.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
