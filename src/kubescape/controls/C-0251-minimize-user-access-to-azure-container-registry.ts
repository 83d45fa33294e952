import { defineControl } from "./define.ts";

/** Minimize user access to Azure Container Registry (ACR): skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0251",
  description: "Checks that user access to Azure Container Registry is limited.",
  remediation: "Restrict role assignments on the registry.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
