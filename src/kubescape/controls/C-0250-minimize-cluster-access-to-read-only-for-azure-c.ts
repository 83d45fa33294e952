import { defineControl } from "./define.ts";

/** Minimize cluster access to read-only for Azure Container Registry (ACR): skipped (cloud); needs the cloud provider's API (AKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0250",
  description: "Checks that cluster identities have read-only access to Azure Container Registry.",
  remediation: "Grant the cluster identity only the AcrPull role.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (AKS), which this scanner does not call",
});
