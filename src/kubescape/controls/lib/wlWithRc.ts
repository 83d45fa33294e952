import type { ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";
import { type WorkloadView, workloadView, workloadViews } from "./wlPodSpec.ts";

/** Workloads including ReplicationControllers (their pod template sits at spec.template like a Deployment's). */
export function workloadViewsWithRc(index: ResourceIndex): WorkloadView[] {
  const out = workloadViews(index);
  for (const rc of index.byKind("ReplicationController")) {
    const v = workloadView({ ...rc, kind: "ReplicaSet" });
    if (v) out.push({ ...v, object: rc });
  }
  return out;
}

export function evaluateWorkloadsWithRc(index: ResourceIndex, check: (wl: WorkloadView) => RulePaths[] | null): { results: ResourceResult[] } {
  const results: ResourceResult[] = [];
  for (const wl of workloadViewsWithRc(index)) {
    const paths = check(wl);
    results.push(paths ? { object: wl.object, status: "failed", paths } : { object: wl.object, status: "passed", paths: [] });
  }
  return { results };
}
