import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

/** Subjects that can impersonate users, groups or service accounts. */
export const control = defineControl({
  id: "C-0065",
  description: "Lists subjects whose roles allow the impersonate verb on users, groups, service accounts or uids.",
  remediation: "Remove impersonate rights except for the few administrators that need them.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["impersonate", "*"], apiGroups: ["", "*"], resources: ["users", "serviceaccounts", "groups", "uids", "*"] }], { withReview: true }),
});
