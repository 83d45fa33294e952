import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.9: subjects that may create PersistentVolumes (a hostPath PV gives host file access). */
export const control = defineControl({
  id: "C-0278",
  description: "Creating PersistentVolumes can expose host paths to Pods; access should be limited.",
  remediation: "Remove create on persistentvolumes from roles where it is not needed.",
  evaluate: (index) =>
    evaluatePermission(index, "failed+review", { verbs: ["create", "*"], apiGroups: ["", "*"], resources: ["persistentvolumes", "*"] }),
});
