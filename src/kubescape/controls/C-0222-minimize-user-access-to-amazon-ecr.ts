import { defineControl } from "./define.ts";

/** Minimize user access to Amazon ECR: skipped (cloud); needs the cloud provider's API (EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0222",
  description: "Checks that IAM access to Amazon ECR is limited to the users who need it.",
  remediation: "Restrict IAM policies granting ECR access.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (EKS), which this scanner does not call",
});
