import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

const INTERNAL = "service.beta.kubernetes.io/azure-load-balancer-internal";

/**
 * CIS (AKS) 5.4.4: HTTPS traffic should enter through an internal load balancer and an Azure
 * Application Gateway Ingress with TLS. LoadBalancer Services must be internal; Ingresses must set
 * spec.tls, and an ingress class annotation other than azure/application-gateway is flagged, once an
 * internal load balancer exists.
 */
export const control = defineControl({
  id: "C-0245",
  description: "Public LoadBalancer Services and Ingresses without TLS on the Application Gateway leave HTTPS traffic unencrypted or exposed.",
  remediation: "Mark LoadBalancer Services internal and route HTTPS through an Application Gateway Ingress with spec.tls.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const annotationPath = `metadata.annotations[${INTERNAL}]`;
    let internalLb = false;
    for (const svc of index.byKind("Service")) {
      const type = (svc.spec as { type?: string } | undefined)?.type;
      if (type !== "LoadBalancer") {
        results.push({ object: svc, status: "failed", paths: [] });
        continue;
      }
      if (svc.metadata.annotations?.[INTERNAL] === "true") {
        internalLb = true;
        results.push({ object: svc, status: "passed", paths: [] });
      } else results.push({ object: svc, status: "failed", paths: [{ fixPath: { path: annotationPath, value: "true" } }] });
    }
    for (const ing of index.byKind("Ingress")) {
      if (!internalLb) continue;
      const tls = (ing.spec as { tls?: unknown[] } | undefined)?.tls;
      if (!Array.isArray(tls) || tls.length === 0) results.push({ object: ing, status: "failed", paths: [{ failedPath: "spec.tls", reviewPath: "spec.tls" }] });
      else if (typeof ing.metadata.annotations?.["kubernetes.io/ingress.class"] === "string" && ing.metadata.annotations["kubernetes.io/ingress.class"] !== "azure/application-gateway")
        results.push({ object: ing, status: "failed", paths: [{ fixPath: { path: "metadata.annotations[kubernetes.io/ingress.class]", value: "azure/application-gateway" } }] });
      else results.push({ object: ing, status: "passed", paths: [] });
    }
    return { results };
  },
});
