import type { K8sObject } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateWorkloads, selectorMatches } from "./lib/wlPodSpec.ts";

type Selector = Parameters<typeof selectorMatches>[0];

function asSelector(v: unknown): Selector {
  if (!v || typeof v !== "object") return {};
  const s = v as { matchLabels?: unknown; matchExpressions?: unknown };
  return {
    matchLabels: s.matchLabels && typeof s.matchLabels === "object" ? (s.matchLabels as Record<string, string>) : undefined,
    matchExpressions: Array.isArray(s.matchExpressions) ? (s.matchExpressions as NonNullable<Selector>["matchExpressions"])!.filter((e) => e && typeof e === "object") : undefined,
  };
}

/** Cilium policies carry their selector in spec and/or in each entry of specs[]. */
function ciliumSelectors(policy: K8sObject): Selector[] {
  const specs = [policy.spec, ...(Array.isArray(policy.specs) ? policy.specs : [])].filter((s) => s && typeof s === "object");
  return specs.map((s) => asSelector((s as { endpointSelector?: unknown }).endpointSelector));
}

/**
 * Workloads no network policy applies to. A NetworkPolicy applies in its namespace when its
 * podSelector selects the pods (an empty selector selects all); a CiliumNetworkPolicy likewise with
 * its endpointSelector(s); a CiliumClusterwideNetworkPolicy in every namespace.
 */
export const control = defineControl({
  id: "C-0260",
  description: "Pods that no network policy selects accept traffic from anywhere in the cluster.",
  remediation: "Add a NetworkPolicy whose podSelector selects the workload's pods (a default-deny policy covers the namespace).",
  evaluate: (index) => {
    const policies = index.byKind("NetworkPolicy");
    const cilium = index.byKind("CiliumNetworkPolicy");
    const clusterwide = index.byKind("CiliumClusterwideNetworkPolicy");
    const inNs = (p: K8sObject, ns: string) => (p.metadata.namespace ?? "default") === ns;
    return evaluateWorkloads(index, (wl) => {
      const labels = wl.podLabels;
      const covered =
        policies.some((p) => inNs(p, wl.namespace) && selectorMatches(asSelector((p.spec as { podSelector?: unknown } | undefined)?.podSelector), labels)) ||
        cilium.some((p) => inNs(p, wl.namespace) && ciliumSelectors(p).some((s) => selectorMatches(s, labels))) ||
        clusterwide.some((p) => ciliumSelectors(p).some((s) => selectorMatches(s, labels)));
      return covered ? null : [];
    });
  },
});
