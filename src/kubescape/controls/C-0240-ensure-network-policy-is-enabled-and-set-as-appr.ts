import { defineControl } from "./define.ts";

/** Ensure Network Policy is Enabled and set as appropriate: skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0240",
  description: "Checks that the AKS cluster has a network policy provider enabled.",
  remediation: "Create the cluster with a network policy provider (Azure or Calico).",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
