import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Only built-in scalable kinds can be resolved offline; custom scalable resources are skipped. */
const SCALABLE = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);

/** HorizontalPodAutoscalers whose scaleTargetRef names a Deployment, StatefulSet, ReplicaSet or ReplicationController missing from their namespace. */
export const control = defineControl({
  id: "C-0300",
  description: "An HPA targeting a missing workload scales nothing.",
  remediation: "Fix spec.scaleTargetRef (kind and name) or delete the HorizontalPodAutoscaler.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const hpa of index.byKind("HorizontalPodAutoscaler")) {
      const ref = ((hpa.spec ?? {}) as { scaleTargetRef?: { kind?: unknown; name?: unknown } }).scaleTargetRef;
      if (!ref || typeof ref.kind !== "string" || !SCALABLE.has(ref.kind)) continue;
      const ns = hpa.metadata.namespace ?? "default";
      const name = typeof ref.name === "string" ? ref.name : "";
      const target = index.get(ref.kind, ns, name) ?? (ns === "default" ? index.get(ref.kind, "", name) : undefined);
      results.push(target ? { object: hpa, status: "passed", paths: [] } : { object: hpa, status: "failed", paths: [{ failedPath: "spec.scaleTargetRef.name" }] });
    }
    return { results };
  },
});
