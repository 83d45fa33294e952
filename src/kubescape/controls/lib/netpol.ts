import type { K8sObject, ResourceIndex } from "../../types.ts";
import type { Json } from "./workload.ts";

/** A label selector (matchLabels and matchExpressions) against labels; empty or absent selects all. */
export function selectorMatches(selector: Json | undefined | null, labels: Record<string, unknown> | undefined | null): boolean {
  if (!selector || typeof selector !== "object") return true;
  const l = labels ?? {};
  const ml = selector.matchLabels;
  if (ml && typeof ml === "object") for (const [k, v] of Object.entries(ml)) if (l[k] !== v) return false;
  const exprs = selector.matchExpressions;
  if (Array.isArray(exprs)) {
    for (const e of exprs) {
      if (!e || typeof e.key !== "string") continue;
      const has = Object.hasOwn(l, e.key);
      const values: unknown[] = Array.isArray(e.values) ? e.values : [];
      switch (e.operator) {
        case "In":
          if (!has || !values.includes(l[e.key])) return false;
          break;
        case "NotIn":
          if (has && values.includes(l[e.key])) return false;
          break;
        case "Exists":
          if (!has) return false;
          break;
        case "DoesNotExist":
          if (has) return false;
          break;
      }
    }
  }
  return true;
}

const policiesByNamespace = new WeakMap<ResourceIndex, Map<string, K8sObject[]>>();

/** NetworkPolicies in a namespace ("" when the object carries none). */
export function networkPoliciesIn(index: ResourceIndex, namespace: string): K8sObject[] {
  // Grouped once per snapshot: callers ask once per workload.
  let groups = policiesByNamespace.get(index);
  if (!groups) {
    groups = new Map();
    for (const p of index.byKind("NetworkPolicy")) {
      const ns = p.metadata.namespace ?? "";
      let list = groups.get(ns);
      if (!list) groups.set(ns, (list = []));
      list.push(p);
    }
    policiesByNamespace.set(index, groups);
  }
  return groups.get(namespace) ?? [];
}

/** True when any NetworkPolicy or CiliumNetworkPolicy lives in the namespace (or a cluster-wide Cilium policy exists). */
export function namespaceHasPolicy(index: ResourceIndex, namespace: string): boolean {
  if (networkPoliciesIn(index, namespace).length > 0) return true;
  if (index.byKind("CiliumNetworkPolicy").some((p) => (p.metadata.namespace ?? "") === namespace)) return true;
  return index.byKind("CiliumClusterwideNetworkPolicy").length > 0;
}
