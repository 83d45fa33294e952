import { DEFAULT_CONTROL_INPUTS } from "../engine/defaultInputs.ts";
import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { inputOr, podTemplateOf } from "./lib/workload.ts";

/** kubescape's service/workload link: the selector matches the workload's labels, or equals its matchLabels. */
function connected(wl: Json, service: Json): boolean {
  const selector = service.spec?.selector;
  if (!selector || typeof selector !== "object") return false;
  const labels = wl.metadata?.labels ?? {};
  if (Object.entries(selector).every(([k, v]) => labels[k] === v)) return true;
  const ml = wl.spec?.selector?.matchLabels;
  if (!ml || typeof ml !== "object") return false;
  const a = Object.entries(ml);
  return a.length === Object.keys(selector).length && a.every(([k, v]) => selector[k] === v);
}

/**
 * Management UIs (names from sensitiveInterfaces: jenkins, argo-server, kubernetes-dashboard...)
 * exposed outside the cluster through a NodePort or an assigned LoadBalancer Service.
 */
export const control = defineControl({
  id: "C-0021",
  description: "Fails workloads named like a sensitive interface (sensitiveInterfaces input) that a NodePort or LoadBalancer Service with an external IP exposes.",
  remediation: "Expose management interfaces only inside the cluster (ClusterIP) behind authentication, or through a VPN.",
  evaluate: (index, inputs) => {
    const names = inputOr(inputs, "sensitiveInterfaces", DEFAULT_CONTROL_INPUTS.sensitiveInterfaces);
    const services = index.byKind("Service") as readonly Json[];
    const results: ResourceResult[] = [];
    for (const wl of index.workloads()) {
      if (!podTemplateOf(wl)) continue;
      // only workloads named like a sensitive interface are relevant (kubescape's filter)
      if (!names.some((n) => wl.metadata.name.includes(n))) continue;
      const exposing: K8sObject[] = [];
      for (const svc of services) {
        const type = svc.spec?.type;
        const external = (type === "LoadBalancer" && !!svc.status?.loadBalancer?.ingress?.[0]?.ip) || type === "NodePort";
        if (external && connected(wl as Json, svc)) exposing.push(svc as K8sObject);
      }
      results.push(
        exposing.length > 0
          ? {
              object: wl,
              status: "failed",
              paths: [
                { failedPath: "spec.selector.matchLabels", reviewPath: "spec.selector.matchLabels" },
                { failedPath: "spec.selector", reviewPath: "spec.selector" },
              ],
              related: exposing,
            }
          : { object: wl, status: "passed", paths: [] },
      );
    }
    return { results };
  },
});
