import { defineControl } from "./define.ts";

/** Client certificate authentication should not be used for users: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0286",
  description: "Client certificates for users cannot be revoked and are not visible through the API; this needs a manual review.",
  remediation: "Authenticate users through OIDC or another revocable mechanism.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
