import type { K8sObject, ResourceIndex, ResourceResult } from "../../types.ts";
import { containersOf, workloadViews } from "./wlPodSpec.ts";

/**
 * Workloads mounting a volume backed by an object of the scan (Secret, ConfigMap,
 * PersistentVolumeClaim): failed with the volumeMounts path of each container mounting it.
 */
export function evaluateMountedObjects(
  index: ResourceIndex,
  kind: string,
  referencedName: (volume: Record<string, unknown>) => string | undefined,
): { results: ResourceResult[] } {
  const results: ResourceResult[] = [];
  for (const wl of workloadViews(index)) {
    const volumes = Array.isArray(wl.spec.volumes) ? wl.spec.volumes : [];
    const related: K8sObject[] = [];
    const mounted = new Set<string>();
    for (const v of volumes) {
      const name = v ? referencedName(v) : undefined;
      if (!name || typeof v.name !== "string") continue;
      const target = index.get(kind, wl.namespace, name) ?? (wl.namespace === "default" ? index.get(kind, "", name) : undefined);
      if (!target) continue;
      mounted.add(v.name);
      if (!related.includes(target)) related.push(target);
    }
    const paths = containersOf(wl.spec).flatMap((c, j) =>
      Array.isArray(c.volumeMounts) && c.volumeMounts.some((m) => m && typeof m.name === "string" && mounted.has(m.name)) ? [{ failedPath: `${wl.prefix}containers[${j}].volumeMounts` }] : [],
    );
    results.push(paths.length ? { object: wl.object, status: "failed", paths, related } : { object: wl.object, status: "passed", paths: [] });
  }
  return { results };
}
