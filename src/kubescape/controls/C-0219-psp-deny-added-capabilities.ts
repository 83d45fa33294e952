import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit added capabilities; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0219",
  description: "When every PodSecurityPolicy admits added capabilities, nothing in the cluster can prevent them.",
  remediation: "Leave allowedCapabilities empty in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => Array.isArray(s.allowedCapabilities) && s.allowedCapabilities.length > 0, removable("spec.allowedCapabilities")),
});
