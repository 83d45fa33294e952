import { defineControl } from "./define.ts";

/** Restrict Access to the Control Plane Endpoint: skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0247",
  description: "Checks that the AKS API server is reachable only from authorized IP ranges.",
  remediation: "Configure authorized IP ranges or a private cluster.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
