import { defineControl } from "./define.ts";
import { networkPoliciesIn, selectorMatches } from "./lib/netpol.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateWorkloads, strings } from "./lib/workload.ts";

/** Workloads not covered by a NetworkPolicy that restricts both ingress and egress. */
export const control = defineControl({
  id: "C-0030",
  description: "Fails workloads whose pods are selected by no NetworkPolicy, or only by policies that do not list both Ingress and Egress in policyTypes.",
  remediation: "Add a NetworkPolicy selecting the pods with policyTypes [Ingress, Egress] (a default-deny policy per namespace is a good start).",
  evaluate: (index) =>
    evaluateWorkloads(index, (t, wl) => {
      const policies = networkPoliciesIn(index, wl.metadata.namespace ?? "") as Json[];
      const labels = t.meta.labels ?? {};
      const covering = policies.filter((p) => selectorMatches(p.spec?.podSelector, labels));
      const good = covering.some((p) => {
        const types = strings(p.spec?.policyTypes);
        return types.includes("Ingress") && types.includes("Egress");
      });
      return good ? [] : [{}];
    }),
});
