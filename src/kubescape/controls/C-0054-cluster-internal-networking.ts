import { defineControl } from "./define.ts";
import { evaluateNamespacesWithoutNetworkPolicy } from "./lib/netpol.ts";

/** Namespaces with no network policy at all (pods can reach each other freely). */
export const control = defineControl({
  id: "C-0054",
  description: "Fails namespaces that contain no NetworkPolicy, so every pod can talk to every other pod in the cluster.",
  remediation: "Define NetworkPolicies in every namespace, starting with a default-deny policy.",
  evaluate: evaluateNamespacesWithoutNetworkPolicy,
});
