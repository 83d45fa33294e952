import { defineControl } from "./define.ts";

/** Service account token authentication should not be used for users: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0287",
  description: "Service account tokens used by people are not visible through the API; this needs a manual review.",
  remediation: "Authenticate users through OIDC instead of service account tokens.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
