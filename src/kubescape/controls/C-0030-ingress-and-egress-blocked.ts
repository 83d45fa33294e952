import { defineControl } from "./define.ts";
import { ciliumSpecs, networkPoliciesIn, selectorMatches } from "./lib/netpol.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateWorkloads, passedInputs, strings } from "./lib/workload.ts";

const CILIUM_NS_LABEL = "io.kubernetes.pod.namespace";

/** Cilium selectors may prefix label keys with a source ("k8s:app"); the namespace is a pseudo-label. */
function ciliumSelects(selector: Json | undefined, labels: Record<string, unknown>, namespace: string): boolean {
  if (!selector || typeof selector !== "object") return true;
  const plain = (k: string) => k.replace(/^(k8s|any):/, "");
  const withNs: Record<string, unknown> = { ...labels, [CILIUM_NS_LABEL]: namespace };
  const matchLabels = Object.fromEntries(Object.entries((selector.matchLabels ?? {}) as Json).map(([k, v]) => [plain(k), v]));
  const matchExpressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.map((e: Json) => ({ ...e, key: plain(String(e?.key)) })) : undefined;
  return selectorMatches({ matchLabels, matchExpressions }, withNs);
}

/** A Cilium rule restricts both directions when it has ingress and egress sections (allow or deny). */
function ciliumBothWays(spec: Json): boolean {
  return (spec.ingress !== undefined || spec.ingressDeny !== undefined) && (spec.egress !== undefined || spec.egressDeny !== undefined);
}

/** Workloads not covered by a network policy that restricts both ingress and egress. */
export const control = defineControl({
  id: "C-0030",
  description: "Fails workloads whose pods are selected by no NetworkPolicy (or Cilium policy) restricting both directions: a Kubernetes policy must list Ingress and Egress in policyTypes, a Cilium policy must have ingress and egress rules.",
  remediation: "Add a NetworkPolicy selecting the pods with policyTypes [Ingress, Egress] (a default-deny policy per namespace is a good start).",
  evaluate: (index) => {
    const ciliumNamespaced = index.byKind("CiliumNetworkPolicy");
    const ciliumCluster = index.byKind("CiliumClusterwideNetworkPolicy");
    const workloads = evaluateWorkloads(index, (t, wl) => {
      const ns = wl.metadata.namespace ?? "default";
      const labels = (t.meta.labels ?? {}) as Record<string, unknown>;
      const k8sGood = (networkPoliciesIn(index, ns) as Json[]).some((p) => {
        if (!selectorMatches(p.spec?.podSelector, labels)) return false;
        const types = strings(p.spec?.policyTypes);
        return types.includes("Ingress") && types.includes("Egress");
      });
      if (k8sGood) return [];
      const cilium = [...ciliumNamespaced.filter((p) => (p.metadata.namespace ?? "default") === ns), ...ciliumCluster];
      const ciliumGood = cilium.some((p) => ciliumSpecs(p).some((s) => ciliumSelects(s.endpointSelector, labels, ns) && ciliumBothWays(s)));
      return ciliumGood ? [] : [{}];
    });
    return { results: [...workloads.results, ...passedInputs(index, ["NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"])] };
  },
});
