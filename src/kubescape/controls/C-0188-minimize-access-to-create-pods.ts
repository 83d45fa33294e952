import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.4: subjects that may create Pods (and so run anything with any mounted service account). */
export const control = defineControl({
  id: "C-0188",
  description: "Subjects that can create Pods can escalate through the service accounts, secrets and host access a Pod may use.",
  remediation: "Remove create on pods from roles where it is not needed.",
  evaluate: (index) => evaluatePermission(index, "failed+review", { verbs: ["create", "*"], apiGroups: ["", "*"], resources: ["pods", "*"] }),
});
