import type { K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";
import { containersOf, workloadViews } from "./wlPodSpec.ts";

/**
 * Workloads mounting a volume backed by an object of the scan (Secret, ConfigMap,
 * PersistentVolumeClaim): failed with the volumeMounts path of each container mounting it.
 */
export function evaluateMountedObjects(
  index: ResourceIndex,
  kind: string,
  referencedName: (volume: Record<string, unknown>) => string | undefined,
  /** Report each mount (`volumeMounts[k]`, failed and deletable) rather than the container's mount list. */
  perMount = false,
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
    const isMounted = (m: unknown) => !!m && typeof (m as { name?: unknown }).name === "string" && mounted.has((m as { name: string }).name);
    const paths: RulePaths[] = containersOf(wl.spec).flatMap((c, j) => {
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      if (!perMount) return mounts.some(isMounted) ? [{ failedPath: `${wl.prefix}containers[${j}].volumeMounts` }] : [];
      return mounts.flatMap((m, k) => (isMounted(m) ? [{ failedPath: `${wl.prefix}containers[${j}].volumeMounts[${k}]`, deletePath: `${wl.prefix}containers[${j}].volumeMounts[${k}]` }] : []));
    });
    results.push(paths.length ? { object: wl.object, status: "failed", paths, related } : { object: wl.object, status: "passed", paths: [] });
  }
  return { results };
}
