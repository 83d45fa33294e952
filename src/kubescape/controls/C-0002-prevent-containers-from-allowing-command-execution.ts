import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects allowed to `kubectl exec` (create on pods/exec). */
export const control = defineControl({
  id: "C-0002",
  description: "Lists subjects whose RBAC roles let them create pods/exec (kubectl exec), running commands inside any container they reach.",
  remediation: "Remove create on pods/exec (and pods/*, *) from roles bound to users and service accounts used for daily work.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["create", "*"], apiGroups: ["", "*"], resources: ["pods/exec", "pods/*", "*"] }], { withReview: true }),
});
