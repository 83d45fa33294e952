import type { K8sObject } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

function sameNamespace(policy: K8sObject, namespace: string): boolean {
  return (policy.metadata.namespace ?? "default") === namespace;
}

function matchLabelsSelect(matchLabels: unknown, labels: Record<string, string>): boolean {
  if (!matchLabels || typeof matchLabels !== "object") return false;
  return Object.entries(matchLabels as Record<string, string>).every(([k, v]) => labels[k] === v);
}

function isEmpty(v: unknown): boolean {
  return !v || (typeof v === "object" && Object.keys(v as object).length === 0);
}

/**
 * Workloads no NetworkPolicy applies to (nor a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy):
 * a policy applies when it is in the namespace and its podSelector is empty or its matchLabels
 * are all carried by the pods.
 */
export const control = defineControl({
  id: "C-0260",
  description: "Pods that no network policy selects accept traffic from anywhere in the cluster.",
  remediation: "Add a NetworkPolicy whose podSelector selects the workload's pods (a default-deny policy covers the namespace).",
  evaluate: (index) => {
    const policies = index.byKind("NetworkPolicy");
    const cilium = index.byKind("CiliumNetworkPolicy");
    const clusterwide = index.byKind("CiliumClusterwideNetworkPolicy");
    return evaluateWorkloads(index, (wl) => {
      const labels = wl.podLabels;
      const covered =
        policies.some((p) => {
          if (!sameNamespace(p, wl.namespace)) return false;
          const sel = (p.spec as { podSelector?: { matchLabels?: unknown } } | undefined)?.podSelector;
          if (isEmpty(sel)) return true;
          return !isEmpty(sel!.matchLabels) && matchLabelsSelect(sel!.matchLabels, labels);
        }) ||
        cilium.some((p) => {
          if (!sameNamespace(p, wl.namespace)) return false;
          const sel = (p.spec as { endpointSelector?: { matchLabels?: unknown } } | undefined)?.endpointSelector;
          return isEmpty(sel) || isEmpty(sel!.matchLabels) || matchLabelsSelect(sel!.matchLabels, labels);
        }) ||
        clusterwide.some((p) => {
          const sel = (p.spec as { endpointSelector?: { matchLabels?: unknown } } | undefined)?.endpointSelector;
          return isEmpty(sel) || isEmpty(sel!.matchLabels) || matchLabelsSelect(sel!.matchLabels, labels);
        });
      return covered ? null : [];
    });
  },
});
