import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { ingressBackendPaths, isExternalService, servicesIn, serviceSelectsWorkload, targetPortResolves } from "./lib/wlExposure.ts";
import { workloadViews } from "./lib/wlPodSpec.ts";

/**
 * Workloads reachable from outside the cluster: selected by a NodePort or LoadBalancer Service, or
 * by a ClusterIP Service that an Ingress in the same namespace routes to. The exposing Service or
 * Ingress is attached as related object.
 */
export const control = defineControl({
  id: "C-0256",
  description: "Workloads exposed to external traffic through a NodePort/LoadBalancer Service or an Ingress are the first target of an attack.",
  remediation: "Expose only workloads that must be public, and put them behind authentication and TLS.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const ingresses = index.byKind("Ingress");
    for (const wl of workloadViews(index)) {
      const related: K8sObject[] = [];
      for (const svc of servicesIn(index, wl.namespace)) {
        if (!serviceSelectsWorkload(svc, wl)) continue;
        if (isExternalService(svc)) {
          if (targetPortResolves(svc, wl)) related.push(svc);
          continue;
        }
        for (const ing of ingresses) {
          if ((ing.metadata.namespace ?? "default") !== wl.namespace) continue;
          if (ingressBackendPaths(ing, svc.metadata.name).length) related.push(ing, svc);
        }
      }
      results.push(related.length ? { object: wl.object, status: "failed", paths: [], related } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
