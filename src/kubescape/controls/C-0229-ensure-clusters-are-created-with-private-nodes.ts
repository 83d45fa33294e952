import { defineControl } from "./define.ts";

/** Ensure clusters are created with Private Nodes: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0229",
  description: "Checks that EKS nodes run without public IP addresses.",
  remediation: "Create node groups in private subnets.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
