import type { K8sObject, ResourceIndex } from "../types.ts";

function positiveInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined;
}

/** Kubescape's replica factor: each replica of a workload compounds the risk by 10 %. */
const REPLICA_FACTOR = 1.1;

/**
 * How much one resource weighs in the risk score (kubescape's rule): a workload with more than
 * one replica weighs replicas × 1.1, a DaemonSet its desiredNumberScheduled (or, without a
 * status, the number of Nodes in the snapshot), anything else 1.
 */
export function resourceWeight(obj: K8sObject, nodeCount: number): number {
  const spec = obj.spec as Record<string, unknown> | undefined;
  const status = obj.status as Record<string, unknown> | undefined;
  let weight = 1;
  const replicas = positiveInt(spec?.replicas);
  if (replicas !== undefined && replicas > 1) weight *= replicas * REPLICA_FACTOR;
  if (obj.kind === "DaemonSet") weight *= positiveInt(status?.desiredNumberScheduled) ?? Math.max(1, nodeCount);
  return weight;
}

export function nodeCount(index: ResourceIndex): number {
  return index.byKind("Node").length;
}
