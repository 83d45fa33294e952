import { defineControl } from "./define.ts";

/** Audit logs enabled: skipped (cloud); needs the cloud provider's API (GKE, EKS), which this scanner does not call. */
export const control = defineControl({
  id: "C-0067",
  description: "Checks that the API server writes audit logs; on managed clusters this is read from the provider's cluster description.",
  remediation: "Enable audit logging on the API server or in the cloud provider's cluster settings.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE, EKS), which this scanner does not call",
});
