import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects that can port-forward into pods. */
export const control = defineControl({
  id: "C-0063",
  description: "Lists subjects whose roles allow create on pods/portforward, opening a tunnel into any pod they reach.",
  remediation: "Remove create on pods/portforward (and pods/*, *) from roles that do not need it.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["create", "*"], apiGroups: ["", "*"], resources: ["pods/portforward", "pods/*", "*"] }], { withReview: true }),
});
