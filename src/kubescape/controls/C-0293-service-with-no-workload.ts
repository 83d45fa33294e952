import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { workloadViewsWithRc } from "./lib/wlWithRc.ts";

/** Services whose selector matches no workload's pod labels in their namespace (ExternalName and selector-less Services excepted). */
export const control = defineControl({
  id: "C-0293",
  description: "A Service selecting no pods sends traffic nowhere: usually a typo or a leftover.",
  remediation: "Fix the Service selector to match the workload's pod labels, or delete the Service.",
  evaluate: (index) => {
    // Pod labels indexed by namespace and "key=value", so each Service looks only at the
    // workloads carrying the rarest of its selector's pairs (linear, not Services × workloads).
    const byPair = new Map<string, Array<Record<string, string>>>();
    for (const wl of workloadViewsWithRc(index)) {
      for (const [k, v] of Object.entries(wl.podLabels)) {
        const key = `${wl.namespace}\u0000${k}=${v}`;
        let list = byPair.get(key);
        if (!list) byPair.set(key, (list = []));
        list.push(wl.podLabels);
      }
    }
    const results: ResourceResult[] = [];
    for (const svc of index.byKind("Service")) {
      const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string> };
      const selector = spec.selector && typeof spec.selector === "object" ? spec.selector : {};
      if ((spec.type ?? "ClusterIP") === "ExternalName" || Object.keys(selector).length === 0) continue;
      const ns = svc.metadata.namespace ?? "default";
      const pairs = Object.entries(selector);
      const candidateLists = pairs.map(([k, v]) => byPair.get(`${ns}\u0000${k}=${v}`) ?? []);
      const rarest = candidateLists.reduce((a, b) => (b.length < a.length ? b : a));
      const matched = rarest.some((labels) => pairs.every(([k, v]) => labels[k] === v));
      results.push(matched ? { object: svc, status: "passed", paths: [] } : { object: svc, status: "failed", paths: [{ failedPath: "spec.selector" }] });
    }
    return { results };
  },
});
