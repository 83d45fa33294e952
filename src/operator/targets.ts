/** Scan targets from pods: workloads, containers and their images, de-duplicated (pure). */

export interface PodLike {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }> };
  spec?: { containers?: Array<{ name: string; image?: string }> };
  status?: { phase?: string; containerStatuses?: Array<{ name: string; image?: string; imageID?: string }> };
}

export interface ImageTarget {
  wlid: string;
  namespace: string;
  kind: string;
  workloadName: string;
  containerName: string;
  imageTag: string;
  imageHash: string;
  instanceID: string;
}

/** The workload owning a pod: ReplicaSet → Deployment (by the pod-template-hash suffix), Job → CronJob likewise. */
export function workloadOf(pod: PodLike): { kind: string; name: string } {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  if (!owner) return { kind: "Pod", name: pod.metadata?.name ?? "" };
  const hash = pod.metadata?.labels?.["pod-template-hash"];
  if (owner.kind === "ReplicaSet" && hash && owner.name.endsWith(`-${hash}`)) return { kind: "Deployment", name: owner.name.slice(0, -hash.length - 1) };
  if (owner.kind === "Job" && /-\d{8,}$/.test(owner.name)) return { kind: "CronJob", name: owner.name.replace(/-\d{8,}$/, "") };
  return { kind: owner.kind, name: owner.name };
}

export function wlidOf(clusterName: string, namespace: string, kind: string, name: string): string {
  return `wlid://cluster-${clusterName}/namespace-${namespace}/${kind.toLowerCase()}-${name}`;
}

/** `docker-pullable://repo@sha256:…` → `sha256:…`. */
function digestOf(imageID: string | undefined): string {
  if (!imageID) return "";
  const at = imageID.lastIndexOf("@");
  return at >= 0 ? imageID.slice(at + 1) : imageID.replace(/^[a-z-]+:\/\//, "");
}

/**
 * One target per distinct image among the containers of the given pods (by digest when the
 * kubelet reported one, else by tag); the first workload seen names it.
 */
export function imageTargets(pods: readonly PodLike[], clusterName: string): ImageTarget[] {
  const seen = new Set<string>();
  const out: ImageTarget[] = [];
  for (const pod of pods) {
    const namespace = pod.metadata?.namespace ?? "";
    const workload = workloadOf(pod);
    const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
    for (const container of pod.spec?.containers ?? []) {
      const status = statuses.get(container.name);
      const imageTag = container.image ?? status?.image ?? "";
      const imageHash = digestOf(status?.imageID);
      if (imageTag === "") continue;
      const key = imageHash || imageTag;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        wlid: wlidOf(clusterName, namespace, workload.kind, workload.name),
        namespace,
        kind: workload.kind,
        workloadName: workload.name,
        containerName: container.name,
        imageTag,
        imageHash,
        instanceID: `apiVersion-v1/namespace-${namespace}/kind-${workload.kind}/name-${workload.name}/containerName-${container.name}`,
      });
    }
  }
  return out;
}

/** `args.labels` / `args.fieldSelector` as a selector string (maps become `k=v,k2=v2`). */
export function selectorString(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(",");
  }
  return "";
}
