import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.12: subjects that may change admission webhook configurations. */
export const control = defineControl({
  id: "C-0281",
  description: "Changing admission webhook configurations can read or alter every object sent to the API server.",
  remediation: "Remove create, update, patch and delete on webhook configurations from roles where they are not needed.",
  evaluate: (index) =>
    evaluatePermission(index, "failed+review", {
      verbs: ["create", "update", "patch", "delete", "deletecollection", "*"],
      apiGroups: ["admissionregistration.k8s.io", "*"],
      resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations", "*"],
    }),
});
