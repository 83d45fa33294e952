import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { podTemplateOf } from "./lib/workload.ts";

const SSH_PORTS = new Set([22, 2222]);

function sameLabels(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Workloads exposed by a Service on the SSH ports (22, 2222), a sign of an SSH server inside. */
export const control = defineControl({
  id: "C-0042",
  description: "Fails workloads selected by a Service in their namespace that listens on, or targets, port 22 or 2222.",
  remediation: "Remove SSH servers from containers; use kubectl exec or debug containers for access.",
  evaluate: (index) => {
    const services = index.byKind("Service") as readonly Json[];
    const sshServices = services.filter((s) => Array.isArray(s.spec?.ports) && s.spec.ports.some((p: Json) => SSH_PORTS.has(p?.port) || SSH_PORTS.has(p?.targetPort)));
    const results: ResourceResult[] = [];
    for (const wl of index.workloads()) {
      const t = podTemplateOf(wl);
      if (!t) continue;
      const labels: Record<string, unknown> = { ...(t.meta.labels ?? {}) };
      if (wl.kind === "Pod") delete labels["pod-template-hash"];
      const ns = wl.metadata.namespace ?? "";
      const hits = sshServices.filter(
        (s) => (s.metadata?.namespace ?? "") === ns && s.spec?.selector && typeof s.spec.selector === "object" && sameLabels(s.spec.selector, labels),
      );
      results.push(
        hits.length > 0
          ? { object: wl, status: "failed", paths: [{ failedPath: `${t.metaPath}.labels` }], related: hits as K8sObject[] }
          : { object: wl, status: "passed", paths: [] },
      );
    }
    return { results };
  },
});
