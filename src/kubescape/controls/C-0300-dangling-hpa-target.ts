import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** HorizontalPodAutoscalers whose scaleTargetRef names a workload that does not exist in their namespace. */
export const control = defineControl({
  id: "C-0300",
  description: "An HPA targeting a missing workload scales nothing.",
  remediation: "Fix spec.scaleTargetRef (kind and name) or delete the HorizontalPodAutoscaler.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const hpa of index.byKind("HorizontalPodAutoscaler")) {
      const ref = ((hpa.spec ?? {}) as { scaleTargetRef?: { kind?: unknown; name?: unknown } }).scaleTargetRef;
      if (!ref || typeof ref.kind !== "string" || typeof ref.name !== "string") continue;
      const ns = hpa.metadata.namespace ?? "default";
      const target = index.get(ref.kind, ns, ref.name) ?? (ns === "default" ? index.get(ref.kind, "", ref.name) : undefined);
      results.push(target ? { object: hpa, status: "passed", paths: [] } : { object: hpa, status: "failed", paths: [{ failedPath: "spec.scaleTargetRef.name" }] });
    }
    return { results };
  },
});
