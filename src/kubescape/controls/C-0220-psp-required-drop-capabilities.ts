import { defineControl } from "./define.ts";
import { evaluatePsps } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS): PodSecurityPolicies that do not require dropping capabilities; they fail only when none does. */
export const control = defineControl({
  id: "C-0220",
  description: "When no PodSecurityPolicy sets requiredDropCapabilities, containers keep the runtime's default capabilities.",
  remediation: "Set requiredDropCapabilities: [ALL] in at least one PodSecurityPolicy.",
  evaluate: (index) =>
    evaluatePsps(
      index,
      (s) => !(Array.isArray(s.requiredDropCapabilities) && s.requiredDropCapabilities.length > 0),
      [{ fixPath: { path: "spec.requiredDropCapabilities[0]", value: "ALL" } }],
    ),
});
