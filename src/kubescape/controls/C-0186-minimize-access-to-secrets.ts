import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.2: subjects that may get, list or watch Secrets. */
export const control = defineControl({
  id: "C-0186",
  description: "Subjects that can get, list or watch Secrets can read every credential in scope.",
  remediation: "Remove get, list and watch on secrets from roles where they are not needed.",
  evaluate: (index) => evaluatePermission(index, "failed+review", { verbs: ["get", "list", "watch", "*"], apiGroups: ["", "*"], resources: ["secrets", "*"] }),
});
