import { defineControl } from "./define.ts";
import { evaluatePsps, removable } from "./lib/pspAllOrNothing.ts";

/** CIS (AKS) 4.2.x: PodSecurityPolicies that admit containers sharing the host IPC namespace; they fail only when every PSP does. */
export const control = defineControl({
  id: "C-0215",
  description: "When every PodSecurityPolicy admits containers sharing the host IPC namespace, nothing in the cluster can prevent them.",
  remediation: "Set hostIPC: false in at least one PodSecurityPolicy.",
  evaluate: (index) => evaluatePsps(index, (s) => s.hostIPC === true, removable("spec.hostIPC")),
});
