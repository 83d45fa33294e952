import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { workloadViewsWithRc } from "./lib/wlWithRc.ts";

/** Services whose selector matches no workload's pod labels in their namespace (ExternalName and selector-less Services excepted). */
export const control = defineControl({
  id: "C-0293",
  description: "A Service selecting no pods sends traffic nowhere: usually a typo or a leftover.",
  remediation: "Fix the Service selector to match the workload's pod labels, or delete the Service.",
  evaluate: (index) => {
    const workloads = workloadViewsWithRc(index);
    const results: ResourceResult[] = [];
    for (const svc of index.byKind("Service")) {
      const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string> };
      const selector = spec.selector && typeof spec.selector === "object" ? spec.selector : {};
      if ((spec.type ?? "ClusterIP") === "ExternalName" || Object.keys(selector).length === 0) continue;
      const ns = svc.metadata.namespace ?? "default";
      const matched = workloads.some((wl) => wl.namespace === ns && Object.entries(selector).every(([k, v]) => wl.podLabels[k] === v));
      results.push(matched ? { object: svc, status: "passed", paths: [] } : { object: svc, status: "failed", paths: [{ failedPath: "spec.selector" }] });
    }
    return { results };
  },
});
