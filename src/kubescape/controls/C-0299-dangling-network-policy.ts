import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { workloadViewsWithRc } from "./lib/wlWithRc.ts";

/** NetworkPolicies whose non-empty podSelector (matchLabels) selects no workload in their namespace. */
export const control = defineControl({
  id: "C-0299",
  description: "A NetworkPolicy that selects no pods protects nothing: usually a label typo.",
  remediation: "Fix the podSelector to match the intended pods' labels, or delete the policy.",
  evaluate: (index) => {
    const workloads = workloadViewsWithRc(index);
    const results: ResourceResult[] = [];
    for (const np of index.byKind("NetworkPolicy")) {
      const sel = ((np.spec ?? {}) as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector ?? {};
      if (Object.keys(sel).length === 0) continue;
      const ml = sel.matchLabels && typeof sel.matchLabels === "object" ? sel.matchLabels : {};
      const ns = np.metadata.namespace ?? "default";
      const matched = Object.keys(ml).length > 0 && workloads.some((wl) => wl.namespace === ns && Object.entries(ml).every(([k, v]) => wl.podLabels[k] === v));
      results.push(matched ? { object: np, status: "passed", paths: [] } : { object: np, status: "failed", paths: [{ failedPath: "spec.podSelector" }] });
    }
    return { results };
  },
});
