import { defineControl } from "./define.ts";
import { evaluatePermission } from "./lib/subjectVectors.ts";

/** CIS 5.1.10: subjects with access to nodes/proxy (direct kubelet API access, bypassing audit and admission). */
export const control = defineControl({
  id: "C-0279",
  description: "Access to the nodes/proxy sub-resource reaches the kubelet API directly, bypassing admission control and audit logging.",
  remediation: "Remove access to nodes/proxy from roles where it is not needed.",
  evaluate: (index) =>
    evaluatePermission(index, "failed+review", {
      verbs: ["get", "create", "connect", "*"],
      apiGroups: ["", "*"],
      resources: ["nodes/proxy", "*"],
    }),
});
