import type { K8sObject, ResourceResult } from "../types.ts";
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

/** Service hosts an Istio VirtualService bound to a gateway routes to (short or FQDN form). */
function virtualServiceTargets(vs: K8sObject): Array<{ name: string; namespace: string }> {
  const spec = vs.spec as { gateways?: string[]; http?: unknown[]; tcp?: unknown[]; tls?: unknown[] } | undefined;
  const gateways = Array.isArray(spec?.gateways) ? spec.gateways : [];
  if (!gateways.some((g) => g !== "mesh")) return [];
  const ns = vs.metadata.namespace ?? "default";
  const out: Array<{ name: string; namespace: string }> = [];
  for (const section of [spec?.http, spec?.tcp, spec?.tls]) {
    for (const route of Array.isArray(section) ? section : []) {
      for (const dest of Array.isArray((route as { route?: unknown[] })?.route) ? ((route as { route: unknown[] }).route as Array<{ destination?: { host?: string } }>) : []) {
        const host = dest?.destination?.host;
        if (typeof host !== "string") continue;
        const [name, hostNs] = host.split(".");
        out.push({ name: name!, namespace: hostNs && hostNs !== "svc" ? hostNs : ns });
      }
    }
  }
  return out;
}

/** Workloads exposed to the internet through Gateway API routes or Istio ingress VirtualServices (via a ClusterIP Service). */
export const control = defineControl({
  id: "C-0266",
  description: "Workloads reachable through a Gateway API route or an Istio ingress gateway are exposed outside the cluster.",
  remediation: "Expose only workloads that must be public, and protect them with authentication and TLS.",
  evaluate: (index) => {
    const entries: Array<{ route: K8sObject; name: string; namespace: string }> = [];
    for (const kind of ROUTE_KINDS) for (const r of index.byKind(kind)) for (const t of routeTargets(r)) entries.push({ route: r, ...t });
    for (const vs of index.byKind("VirtualService")) for (const t of virtualServiceTargets(vs)) entries.push({ route: vs, ...t });
    const results: ResourceResult[] = [];
    for (const wl of workloadViews(index)) {
      const related: K8sObject[] = [];
      for (const svc of servicesIn(index, wl.namespace)) {
        if (isExternalService(svc) || !serviceSelectsWorkload(svc, wl)) continue;
        for (const e of entries) if (e.name === svc.metadata.name && e.namespace === wl.namespace) related.push(e.route, svc);
      }
      results.push(related.length ? { object: wl.object, status: "failed", paths: [], related } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
