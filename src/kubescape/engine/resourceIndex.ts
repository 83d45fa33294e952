import type { K8sObject, ResourceIndex, SourceLocation } from "../types.ts";

const WORKLOAD_KINDS = new Set(["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

export interface IndexOptions {
  isLiveCluster?: boolean;
  sources?: ReadonlyMap<K8sObject, SourceLocation>;
}

/** Builds the indexed snapshot controls evaluate over: one pass, maps by kind, namespace and key. */
export function buildResourceIndex(objects: readonly K8sObject[], options: IndexOptions = {}): ResourceIndex {
  const byKind = new Map<string, K8sObject[]>();
  const byNamespace = new Map<string, K8sObject[]>();
  const byKey = new Map<string, K8sObject>();
  const workloads: K8sObject[] = [];
  let hasHostData = false;
  for (const obj of objects) {
    if (!obj || typeof obj !== "object" || typeof obj.kind !== "string" || !obj.metadata) continue;
    const kind = obj.kind;
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(obj);
    const ns = obj.metadata.namespace ?? "";
    let nsList = byNamespace.get(ns);
    if (!nsList) byNamespace.set(ns, (nsList = []));
    nsList.push(obj);
    byKey.set(`${kind}/${ns}/${obj.metadata.name}`, obj);
    if (WORKLOAD_KINDS.has(kind)) workloads.push(obj);
    // Host-scanner envelopes (hostdata.kubescape.cloud) and the API-server info kubescape adds beside them.
    if (typeof obj.apiVersion === "string" && (obj.apiVersion.startsWith("hostdata.kubescape.cloud") || obj.apiVersion.startsWith("apiserverinfo.kubescape.cloud"))) hasHostData = true;
  }
  const empty: readonly K8sObject[] = [];
  return {
    all: objects,
    byKind: (kind) => byKind.get(kind) ?? empty,
    workloads: () => workloads,
    get: (kind, namespace, name) => byKey.get(`${kind}/${namespace}/${name}`),
    inNamespace: (namespace) => byNamespace.get(namespace) ?? empty,
    hasHostData,
    isLiveCluster: options.isLiveCluster ?? false,
    source: (obj) => options.sources?.get(obj),
  };
}
