import type { ControlEvaluation, K8sObject, ResourceIndex, ResourceResult } from "../../types.ts";
import { type Json, passedInputs } from "./workload.ts";

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

/** NetworkPolicies in a namespace (a policy without one counts as "default", as kubescape compares). */
export function networkPoliciesIn(index: ResourceIndex, namespace: string): K8sObject[] {
  // Grouped once per snapshot: callers ask once per workload.
  let groups = policiesByNamespace.get(index);
  if (!groups) {
    groups = new Map();
    for (const p of index.byKind("NetworkPolicy")) {
      const ns = p.metadata.namespace ?? "default";
      let list = groups.get(ns);
      if (!list) groups.set(ns, (list = []));
      list.push(p);
    }
    policiesByNamespace.set(index, groups);
  }
  return groups.get(namespace) ?? [];
}

/** The rule bodies of a Cilium policy: `spec` and every entry of `specs`. */
export function ciliumSpecs(policy: K8sObject): Json[] {
  const p = policy as Json;
  return [...(p.spec && typeof p.spec === "object" ? [p.spec] : []), ...(Array.isArray(p.specs) ? p.specs.filter((x: unknown) => x && typeof x === "object") : [])];
}

const CILIUM_NS_KEYS = new Set(["k8s:io.kubernetes.pod.namespace", "io.kubernetes.pod.namespace"]);

/** A cluster-wide Cilium rule covers a whole namespace when it selects every endpoint, or only that namespace. */
function coversNamespace(spec: Json, namespace: string): boolean {
  const sel = spec.endpointSelector;
  if (!sel || typeof sel !== "object") return true;
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  if (exprs.length > 0) return false;
  const labels = Object.entries((sel.matchLabels ?? {}) as Json);
  return labels.every(([k, v]) => CILIUM_NS_KEYS.has(k) && v === namespace);
}

/**
 * True when the namespace has a NetworkPolicy or CiliumNetworkPolicy of its own, or a
 * CiliumClusterwideNetworkPolicy covers all of its pods (a selective cluster-wide policy does not).
 */
export function namespaceHasPolicy(index: ResourceIndex, namespace: string): boolean {
  if (networkPoliciesIn(index, namespace).length > 0) return true;
  if (index.byKind("CiliumNetworkPolicy").some((p) => (p.metadata.namespace ?? "default") === namespace)) return true;
  return index.byKind("CiliumClusterwideNetworkPolicy").some((p) => ciliumSpecs(p).some((s) => coversNamespace(s, namespace)));
}

/**
 * The "internal-networking" rule behind C-0049 and C-0054: a namespace without any network policy
 * fails; the policies themselves are listed as passed inputs.
 */
export function evaluateNamespacesWithoutNetworkPolicy(index: ResourceIndex): ControlEvaluation {
  return {
    results: [
      ...index.byKind("Namespace").map((ns): ResourceResult => ({ object: ns, status: namespaceHasPolicy(index, ns.metadata.name) ? "passed" : "failed", paths: [] })),
      ...passedInputs(index, ["NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"]),
    ],
  };
}
