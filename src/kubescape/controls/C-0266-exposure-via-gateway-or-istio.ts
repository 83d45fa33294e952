import type { K8sObject, ResourceIndex, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { isExternalService, servicesIn, serviceSelectsWorkload } from "./lib/wlExposure.ts";
import { workloadViews } from "./lib/wlPodSpec.ts";

const ROUTE_KINDS = ["HTTPRoute", "TCPRoute", "UDPRoute"];

/** Service names a Gateway API route sends traffic to (in the route's namespace unless the ref names another). */
function routeTargets(route: K8sObject): Array<{ name: string; namespace: string }> {
  const rules = (route.spec as { rules?: Array<{ backendRefs?: Array<{ kind?: string; group?: string; name?: string; namespace?: string }> }> } | undefined)?.rules;
  const ns = route.metadata.namespace ?? "default";
  return (Array.isArray(rules) ? rules : []).flatMap((r) =>
    (Array.isArray(r?.backendRefs) ? r.backendRefs : []).flatMap((ref) =>
      ref && typeof ref.name === "string" && (ref.kind ?? "Service") === "Service" && (ref.group ?? "") === "" ? [{ name: ref.name, namespace: ref.namespace ?? ns }] : [],
    ),
  );
}

/**
 * An Istio Gateway is public when an istio-system Service carrying one of its selector values is
 * exposed (NodePort/LoadBalancer), or when the Gateway's name ends with "public".
 */
function isPublicGateway(gw: K8sObject, index: ResourceIndex): boolean {
  const selector = (gw.spec as { selector?: Record<string, string> } | undefined)?.selector;
  const wanted = new Set(Object.values(selector && typeof selector === "object" ? selector : {}));
  if (!wanted.size) return false;
  return index.inNamespace("istio-system").some((svc) => {
    if (svc.kind !== "Service") return false;
    if (!Object.values(svc.metadata.labels ?? {}).some((v) => wanted.has(v))) return false;
    return gw.metadata.name.endsWith("public") || isExternalService(svc);
  });
}

/** Services an Istio VirtualService bound to a public Gateway routes HTTP traffic to ("name", "name.ns" or the FQDN). */
function virtualServiceTargets(vs: K8sObject, index: ResourceIndex): Array<{ name: string; namespace: string }> {
  const spec = vs.spec as { gateways?: unknown; http?: unknown } | undefined;
  const ns = vs.metadata.namespace ?? "default";
  const gateways = Array.isArray(spec?.gateways) ? spec.gateways.filter((g): g is string => typeof g === "string") : [];
  const bound = gateways.some((ref) => {
    const [a, b] = ref.split("/");
    const gwNs = b === undefined ? ns : a!;
    const gwName = b === undefined ? a! : b;
    const gw = index.get("Gateway", gwNs, gwName) ?? (gwNs === "default" ? index.get("Gateway", "", gwName) : undefined);
    return !!gw && isPublicGateway(gw, index);
  });
  if (!bound) return [];
  const out: Array<{ name: string; namespace: string }> = [];
  for (const route of Array.isArray(spec?.http) ? spec.http : []) {
    const destinations = (route as { route?: unknown } | null)?.route;
    for (const dest of Array.isArray(destinations) ? (destinations as Array<{ destination?: { host?: unknown } } | null>) : []) {
      const host = dest?.destination?.host;
      if (typeof host !== "string" || host === "") continue;
      const parts = host.split(".");
      out.push({ name: parts[0]!, namespace: parts.length > 1 ? parts[1]! : ns });
    }
  }
  return out;
}

/** Workloads exposed to the internet through Gateway API routes (via a ClusterIP Service) or VirtualServices bound to a public Istio Gateway. */
export const control = defineControl({
  id: "C-0266",
  description: "Workloads reachable through a Gateway API route or an Istio ingress gateway are exposed outside the cluster.",
  remediation: "Expose only workloads that must be public, and protect them with authentication and TLS.",
  evaluate: (index) => {
    // Gateway API routes skip NodePort/LoadBalancer Services (C-0256 reports those); Istio routes do not.
    const routed: Array<{ route: K8sObject; name: string; namespace: string; internalOnly: boolean }> = [];
    for (const kind of ROUTE_KINDS) for (const r of index.byKind(kind)) for (const t of routeTargets(r)) routed.push({ route: r, ...t, internalOnly: true });
    for (const vs of index.byKind("VirtualService")) for (const t of virtualServiceTargets(vs, index)) routed.push({ route: vs, ...t, internalOnly: false });
    const results: ResourceResult[] = [];
    for (const wl of workloadViews(index)) {
      const related: K8sObject[] = [];
      for (const svc of servicesIn(index, wl.namespace)) {
        if (!serviceSelectsWorkload(svc, wl)) continue;
        for (const e of routed) {
          if (e.name !== svc.metadata.name || e.namespace !== wl.namespace) continue;
          if (e.internalOnly && isExternalService(svc)) continue;
          related.push(e.route, svc);
        }
      }
      results.push(related.length ? { object: wl.object, status: "failed", paths: [], related } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
