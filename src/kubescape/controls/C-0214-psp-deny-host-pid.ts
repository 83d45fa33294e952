import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit containers sharing the host PID namespace; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0214",
  description: "When every PodSecurityPolicy admits containers sharing the host PID namespace, nothing in the cluster can prevent them.",
  remediation: "Set hostPID: false in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => s.hostPID === true, removable("spec.hostPID")),
});
