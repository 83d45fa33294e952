import { defineControl } from "./define.ts";

/** Restrict Access to the Control Plane Endpoint: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0227",
  description: "Checks that the EKS control-plane endpoint is reachable only from allowed networks.",
  remediation: "Restrict the public endpoint's CIDR list or disable public access.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
