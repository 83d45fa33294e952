import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** CIS 5.3.2: every namespace should have at least one NetworkPolicy (Cilium policies count too). */
export const control = defineControl({
  id: "C-0206",
  description: "Namespaces with no network policy allow all traffic between their pods and the rest of the cluster.",
  remediation: "Define NetworkPolicies (at least a default-deny) in every namespace.",
  evaluate: (index) => {
    const covered = new Set([...index.byKind("NetworkPolicy"), ...index.byKind("CiliumNetworkPolicy")].map((p) => p.metadata.namespace ?? "default"));
    const results: ResourceResult[] = index.byKind("Namespace").map((ns) =>
      covered.has(ns.metadata.name) ? { object: ns, status: "passed", paths: [] } : { object: ns, status: "failed", paths: [] },
    );
    return { results };
  },
});
