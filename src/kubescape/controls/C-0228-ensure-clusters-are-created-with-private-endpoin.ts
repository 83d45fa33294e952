import { defineControl } from "./define.ts";

/** Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0228",
  description: "Checks that the EKS cluster has a private endpoint and public access disabled.",
  remediation: "Enable the private endpoint and disable public endpoint access.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
