import type { K8sObject, ResourceIndex } from "../../types.ts";
import type { WorkloadView } from "./wlPodSpec.ts";

/** Service selection as kubescape's exposure rules test it: the selector is a subset of the pod labels (or equals matchLabels). */
export function serviceSelectsWorkload(svc: K8sObject, wl: WorkloadView): boolean {
  const selector = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
  if (!selector || typeof selector !== "object") return false;
  // Allocation-free: called for every (workload, Service) pair of a namespace.
  const subsetOf = (labels: Record<string, string> | undefined) => {
    if (!labels) return false;
    let any = false;
    for (const k in selector) {
      any = true;
      if (labels[k] !== selector[k]) return false;
    }
    return any;
  };
  return subsetOf(wl.object.metadata.labels) || subsetOf(wl.podLabels);
}

export function isExternalService(svc: K8sObject): boolean {
  const type = (svc.spec as { type?: string } | undefined)?.type;
  return type === "NodePort" || type === "LoadBalancer";
}

/** A Service's named targetPort must exist, with the same protocol, on a container for traffic to reach the workload. */
export function targetPortResolves(svc: K8sObject, wl: WorkloadView): boolean {
  const ports = (svc.spec as { ports?: Array<{ targetPort?: unknown; protocol?: unknown }> } | undefined)?.ports;
  if (!Array.isArray(ports) || ports.length === 0) return false;
  const named = new Set<string>();
  for (const c of Array.isArray(wl.spec.containers) ? wl.spec.containers : []) {
    for (const p of Array.isArray(c?.ports) ? (c.ports as Array<{ name?: unknown; protocol?: unknown }>) : []) {
      if (typeof p?.name === "string") named.add(`${p.name}/${typeof p.protocol === "string" ? p.protocol : "TCP"}`);
    }
  }
  return ports.some((p) => typeof p?.targetPort !== "string" || named.has(`${p.targetPort}/${typeof p.protocol === "string" ? p.protocol : "TCP"}`));
}

/** Paths of the Ingress backends naming the service (`spec.rules[i].http.paths[j].backend.service.name`). */
export function ingressBackendPaths(ingress: K8sObject, serviceName: string): string[] {
  const rules = (ingress.spec as { rules?: Array<{ http?: { paths?: Array<{ backend?: { service?: { name?: string } } }> } }> } | undefined)?.rules;
  const out: string[] = [];
  (Array.isArray(rules) ? rules : []).forEach((r, i) =>
    (Array.isArray(r?.http?.paths) ? r.http.paths : []).forEach((p, j) => {
      if (p?.backend?.service?.name === serviceName) out.push(`spec.rules[${i}].http.paths[${j}].backend.service.name`);
    }),
  );
  return out;
}

const servicesByNamespace = new WeakMap<ResourceIndex, Map<string, K8sObject[]>>();

/** Services of a namespace; grouped once per snapshot (a per-workload scan of every Service is quadratic). */
export function servicesIn(index: ResourceIndex, namespace: string): K8sObject[] {
  let groups = servicesByNamespace.get(index);
  if (!groups) {
    groups = new Map();
    for (const s of index.byKind("Service")) {
      const ns = s.metadata.namespace ?? "default";
      let list = groups.get(ns);
      if (!list) groups.set(ns, (list = []));
      list.push(s);
    }
    servicesByNamespace.set(index, groups);
  }
  return groups.get(namespace) ?? [];
}
