import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.13: subjects that may create service account tokens (serviceaccounts/token). */
export const control = defineControl({
  id: "C-0282",
  description: "Creating service account tokens lets a subject act as any service account in scope.",
  remediation: "Remove create on serviceaccounts/token from roles where it is not needed.",
  evaluate: (index) =>
    evaluatePermission(index, "failed+review", {
      verbs: ["create", "*"],
      apiGroups: ["", "*"],
      resources: ["serviceaccounts/token", "*"],
    }),
});
