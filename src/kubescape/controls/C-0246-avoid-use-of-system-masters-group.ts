import { defineControl } from "./define.ts";

/** Avoid use of system:masters group: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0246",
  description: "Membership of system:masters cannot be seen through the API (it comes from client certificates); this needs a manual review.",
  remediation: "Do not issue client certificates with the system:masters group; use RBAC bindings instead.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
