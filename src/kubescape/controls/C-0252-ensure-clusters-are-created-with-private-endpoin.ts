import { defineControl } from "./define.ts";

/** Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled: skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0252",
  description: "Checks that the AKS cluster has a private endpoint and public access disabled.",
  remediation: "Create a private AKS cluster.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
