import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** A Cilium endpoint selector that selects every endpoint: empty, or empty matchLabels and no matchExpressions. */
function selectsAll(selector: unknown): boolean {
  if (!selector || typeof selector !== "object") return false;
  const s = selector as { matchLabels?: unknown; matchExpressions?: unknown };
  const labels = s.matchLabels && typeof s.matchLabels === "object" ? Object.keys(s.matchLabels) : [];
  const expressions = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  return labels.length === 0 && expressions.length === 0;
}

/** A CiliumClusterwideNetworkPolicy (spec or any of specs[]) whose endpointSelector covers every namespace. */
function coversCluster(policy: K8sObject): boolean {
  const specs = [policy.spec, ...(Array.isArray(policy.specs) ? policy.specs : [])];
  return specs.some((s) => s && typeof s === "object" && selectsAll((s as { endpointSelector?: unknown }).endpointSelector));
}

/** CIS 5.3.2: every namespace should have at least one NetworkPolicy (Cilium policies count, a cluster-wide one selecting everything covers all). */
export const control = defineControl({
  id: "C-0206",
  description: "Namespaces with no network policy allow all traffic between their pods and the rest of the cluster.",
  remediation: "Define NetworkPolicies (at least a default-deny) in every namespace.",
  evaluate: (index) => {
    const covered = new Set([...index.byKind("NetworkPolicy"), ...index.byKind("CiliumNetworkPolicy")].map((p) => p.metadata.namespace ?? "default"));
    const clusterWide = index.byKind("CiliumClusterwideNetworkPolicy").some(coversCluster);
    const results: ResourceResult[] = index.byKind("Namespace").map((ns) =>
      clusterWide || covered.has(ns.metadata.name) ? { object: ns, status: "passed", paths: [] } : { object: ns, status: "failed", paths: [] },
    );
    return { results };
  },
});
