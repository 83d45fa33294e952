import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit privilege escalation; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0217",
  description: "When every PodSecurityPolicy admits privilege escalation, nothing in the cluster can prevent them.",
  remediation: "Set allowPrivilegeEscalation: false in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => s.allowPrivilegeEscalation === true, removable("spec.allowPrivilegeEscalation")),
});
