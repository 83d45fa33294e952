import type { K8sObject, ResourceIndex } from "../types.ts";

function positiveInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined;
}

/**
 * How much one resource weighs in the risk score: its replica count (a Deployment with 10
 * replicas is 10 running copies of the problem), a DaemonSet's number of nodes, 1 otherwise.
 * A Deployment scaled to 0 still weighs 1: its spec is still deployable.
 */
export function resourceWeight(obj: K8sObject, nodeCount: number): number {
  const spec = obj.spec as Record<string, unknown> | undefined;
  const status = obj.status as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case "Deployment":
    case "StatefulSet":
    case "ReplicaSet":
    case "ReplicationController":
      return positiveInt(spec?.replicas) ?? 1;
    case "DaemonSet":
      return positiveInt(status?.desiredNumberScheduled) ?? Math.max(1, nodeCount);
    case "Job":
      return positiveInt(spec?.parallelism) ?? 1;
    default:
      return 1;
  }
}

export function nodeCount(index: ResourceIndex): number {
  return index.byKind("Node").length;
}
