import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects that can delete events (hiding their tracks). */
export const control = defineControl({
  id: "C-0031",
  description: "Lists subjects whose roles allow deleting Kubernetes events, which lets an attacker erase traces of activity.",
  remediation: "Remove delete and deletecollection on events from roles that do not strictly need them.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["delete", "deletecollection", "*"], apiGroups: ["", "*"], resources: ["events", "*"] }], { withReview: true }),
});
