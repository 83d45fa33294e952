import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects with cluster-admin-like rights (every verb on every resource). */
export const control = defineControl({
  id: "C-0035",
  description: "Lists subjects bound to roles granting all verbs on all resources (cluster-admin or equivalent).",
  remediation: "Bind administrative roles only to the few subjects that need them; use narrower roles otherwise.",
  evaluate: (index) => evaluateRbac(index, [{ verbs: ["*"], apiGroups: ["*", ""], resources: ["*"] }], { withReview: true }),
});
