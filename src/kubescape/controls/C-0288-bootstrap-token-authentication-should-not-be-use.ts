import { defineControl } from "./define.ts";

/** Bootstrap token authentication should not be used for users: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0288",
  description: "Bootstrap tokens used by people are not visible through the API; this needs a manual review.",
  remediation: "Use bootstrap tokens only for node bootstrapping; remove them afterwards.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
