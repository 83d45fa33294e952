import { defineControl } from "./define.ts";
import { evaluateSubjects, permissionPaths } from "./lib/subjectVectors.ts";

const READ_SECRETS = { verbs: ["get", "list", "watch", "*"], apiGroups: ["", "*"], resources: ["secrets", "*"] };

/** CIS 5.1.2: subjects that may get, list or watch Secrets. */
export const control = defineControl({
  id: "C-0186",
  description: "Subjects that can get, list or watch Secrets can read every credential in scope.",
  remediation: "Remove get, list and watch on secrets from roles where they are not needed.",
  // kubescape's rule names the binding subject as relatedObjects[j].roleRef.subjects[k]; kept as reported.
  evaluate: (index) =>
    evaluateSubjects(index, "failed", (v) =>
      permissionPaths(v, READ_SECRETS, (k) => [`relatedObjects[0].roleRef.subjects[${k}]`, "relatedObjects[0].roleRef.name"]),
    ),
});
