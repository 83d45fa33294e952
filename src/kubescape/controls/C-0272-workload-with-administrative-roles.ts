import { defineControl } from "./define.ts";
import { evaluateWorkloadRoles, grants } from "./lib/wlServiceAccountRoles.ts";

/** Workloads whose mounted service account holds a role with every verb on every resource. */
export const control = defineControl({
  id: "C-0272",
  description: "A workload running with an administrative (* on *) role hands full control to anyone who compromises it.",
  remediation: "Give the workload's service account only the permissions it needs, or disable token automount.",
  evaluate: (index) => evaluateWorkloadRoles(index, (rules) => grants(rules, ["*"], ["*"])),
});
