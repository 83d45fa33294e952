import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.3: subjects whose roles grant every verb on every resource through wildcards. */
export const control = defineControl({
  id: "C-0187",
  description: "Wildcards in Roles and ClusterRoles grant access to resources added later; subjects with * on * are reported.",
  remediation: "Replace wildcards in roles with the specific resources and verbs needed.",
  evaluate: (index) => evaluatePermission(index, "failed+review", { verbs: ["*"], apiGroups: ["*", ""], resources: ["*"] }),
});
