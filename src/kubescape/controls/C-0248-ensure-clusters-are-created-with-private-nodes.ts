import { defineControl } from "./define.ts";

/** Ensure clusters are created with Private Nodes: skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0248",
  description: "Checks that AKS nodes run without public IP addresses.",
  remediation: "Create node pools without node public IPs.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
