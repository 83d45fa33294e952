import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { podTemplateOf } from "./lib/workload.ts";

const SSH_PORTS = new Set([22, 2222]);

/** Order-independent key of a label map, so equal selectors and label sets meet in one Map slot. */
function labelKey(namespace: string, labels: Record<string, unknown>): string {
  return `${namespace}|${JSON.stringify(Object.entries(labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))}`;
}

/** Workloads exposed by a Service on the SSH ports (22, 2222), a sign of an SSH server inside. */
export const control = defineControl({
  id: "C-0042",
  description: "Looks at workloads a Service in their namespace selects (selector equal to the pod labels) and fails those whose Service listens on, or targets, port 22 or 2222.",
  remediation: "Remove SSH servers from containers; use kubectl exec or debug containers for access.",
  evaluate: (index) => {
    const services = index.byKind("Service") as readonly Json[];
    // kubescape links a Service to a workload when its selector equals the pod labels exactly;
    // only workloads some Service selects are relevant, those on an SSH port fail
    const bySelector = new Map<string, K8sObject[]>();
    for (const s of services) {
      if (!s.spec?.selector || typeof s.spec.selector !== "object") continue;
      const key = labelKey(s.metadata?.namespace ?? "", s.spec.selector);
      const list = bySelector.get(key);
      if (list) list.push(s as K8sObject);
      else bySelector.set(key, [s as K8sObject]);
    }
    const results: ResourceResult[] = [];
    for (const wl of index.workloads()) {
      const t = podTemplateOf(wl);
      if (!t) continue;
      const labels: Record<string, unknown> = { ...(t.meta.labels ?? {}) };
      if (wl.kind === "Pod") delete labels["pod-template-hash"];
      const ns = wl.metadata.namespace ?? "";
      const selecting = bySelector.get(labelKey(ns, labels));
      if (!selecting) continue;
      const hits = selecting.filter((s) => ((s as Json).spec.ports ?? []).some((p: Json) => SSH_PORTS.has(p?.port) || SSH_PORTS.has(p?.targetPort)));
      results.push(
        hits.length > 0
          ? { object: wl, status: "failed", paths: [{ failedPath: `${t.metaPath}.labels` }], related: hits }
          : { object: wl, status: "passed", paths: [] },
      );
    }
    return { results };
  },
});
