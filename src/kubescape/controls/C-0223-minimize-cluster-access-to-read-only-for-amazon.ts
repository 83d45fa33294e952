import { defineControl } from "./define.ts";

/** Minimize cluster access to read-only for Amazon ECR: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0223",
  description: "Checks that cluster nodes have read-only access to Amazon ECR.",
  remediation: "Give the node role only the AmazonEC2ContainerRegistryReadOnly policy.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
