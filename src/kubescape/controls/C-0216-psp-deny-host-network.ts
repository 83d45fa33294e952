import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit containers sharing the host network; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0216",
  description: "When every PodSecurityPolicy admits containers sharing the host network, nothing in the cluster can prevent them.",
  remediation: "Set hostNetwork: false in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => s.hostNetwork === true, removable("spec.hostNetwork")),
});
