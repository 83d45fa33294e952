import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit privileged containers; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0213",
  description: "When every PodSecurityPolicy admits privileged containers, nothing in the cluster can prevent them.",
  remediation: "Set privileged: false (or leave it unset) in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => s.privileged === true, removable("spec.privileged")),
});
