import { defineControl } from "./define.ts";
import { evaluateWorkloadRoles, grants } from "./lib/wlServiceAccountRoles.ts";

/** Workloads whose mounted service account can create/update pods or read secrets: enough to take the cluster over. */
export const control = defineControl({
  id: "C-0267",
  description: "A workload whose token can create or change pods, or read secrets, gives an attacker inside it a path to the whole cluster.",
  remediation: "Bind the workload's service account to a narrower role, or disable token automount.",
  evaluate: (index) =>
    evaluateWorkloadRoles(index, (rules) => grants(rules, ["pods", "*"], ["create", "update", "patch", "*"]) || grants(rules, ["secrets", "*"], ["get", "list", "watch", "*"])),
});
