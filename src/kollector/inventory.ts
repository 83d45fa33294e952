import { createHash } from "node:crypto";
import type { ClusterReportSection, PodEntry, SectionChanges, UptreeOwner } from "../common/wire/clusterReport.ts";
import type { KubeObject, WatchEventType } from "./watcher.ts";

type Obj = Record<string, any>;

/** Annotations that can carry a copy of the object (and so a Secret's data). */
const DROPPED_ANNOTATIONS = ["kubectl.kubernetes.io/last-applied-configuration"];

/** Metadata worth reporting: identity, labels, owners; no managedFields or resourceVersion churn. */
export function cleanMetadata(meta: Obj): Obj {
  const annotations = meta.annotations ? Object.fromEntries(Object.entries(meta.annotations as Record<string, string>).filter(([k]) => !DROPPED_ANNOTATIONS.includes(k))) : undefined;
  const out: Obj = { name: meta.name, namespace: meta.namespace, uid: meta.uid, creationTimestamp: meta.creationTimestamp };
  if (meta.labels) out.labels = meta.labels;
  if (annotations && Object.keys(annotations).length > 0) out.annotations = annotations;
  if (meta.ownerReferences) out.ownerReferences = meta.ownerReferences;
  if (meta.deletionTimestamp) out.deletionTimestamp = meta.deletionTimestamp;
  return JSON.parse(JSON.stringify(out));
}

const controllerOf = (o: KubeObject): { kind: string; name: string } | undefined => {
  const refs = (o.metadata.ownerReferences as Array<{ kind: string; name: string; controller?: boolean }> | undefined) ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
};

const MICROSERVICE_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "CronJob", "ReplicaSet", "Job"]);
const WORKLOAD_API: Record<string, string> = { Deployment: "apps/v1", StatefulSet: "apps/v1", DaemonSet: "apps/v1", ReplicaSet: "apps/v1", Job: "batch/v1", CronJob: "batch/v1", Pod: "v1" };

export function podSpecId(spec: unknown): string {
  return createHash("sha256").update(JSON.stringify(spec ?? {})).digest("hex").slice(0, 16);
}

type Op = "create" | "update" | "delete";

/**
 * The cluster inventory kollector reports: the objects it watches, turned into report entries
 * (wire spec §5), plus the changes not yet sent. Pure: events in, report sections out.
 */
export class Inventory {
  /** Raw objects by kind and namespace/name: owner resolution needs ReplicaSets and Jobs. */
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  /** Current entries per section, by entry id, as JSON (to tell real updates from noise). */
  private readonly entries = new Map<ClusterReportSection, Map<string, { json: string; entry: unknown }>>();
  private pending = new Map<ClusterReportSection, Map<string, { op: Op; entry: unknown }>>();

  /** Applies one watch event to the raw objects and the report entries derived from them. */
  apply(kind: string, type: WatchEventType, obj: KubeObject): void {
    let store = this.objects.get(kind);
    if (!store) this.objects.set(kind, (store = new Map()));
    const key = `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
    if (type === "DELETED") store.delete(key);
    else store.set(key, obj);
    for (const [section, id, entry] of this.entriesFor(kind, obj)) {
      if (type === "DELETED" || entry === undefined) this.remove(section, id);
      else this.upsert(section, id, entry);
    }
    // Owners can arrive after their pods (separate watch streams): refresh those pods' owners.
    if (kind === "ReplicaSet" || kind === "Job") this.refreshPodsOwnedBy(kind, obj);
  }

  private refreshPodsOwnedBy(kind: string, owner: KubeObject): void {
    for (const pod of this.objects.get("Pod")?.values() ?? []) {
      if (pod.metadata.namespace !== owner.metadata.namespace) continue;
      const ref = controllerOf(pod);
      if (ref?.kind === kind && ref.name === owner.metadata.name) this.upsert("pod", `${pod.metadata.namespace}/${pod.metadata.name}`, this.podEntry(pod));
    }
  }

  /** Raw Node objects (cloud vendor detection reads spec.providerID). */
  fullNodes(): KubeObject[] {
    return [...(this.objects.get("Node")?.values() ?? [])];
  }

  /** The top owner of a pod or workload: Pod → ReplicaSet → Deployment, Job → CronJob. */
  topOwner(obj: KubeObject, kind: string): { kind: string; name: string; object?: KubeObject } {
    let cur = { kind, name: obj.metadata.name, object: obj as KubeObject | undefined };
    for (let depth = 0; depth < 5; depth++) {
      const owner = cur.object ? controllerOf(cur.object) : undefined;
      if (!owner) break;
      const ownerObj = this.objects.get(owner.kind)?.get(`${obj.metadata.namespace ?? ""}/${owner.name}`);
      cur = { kind: owner.kind, name: owner.name, object: ownerObj };
    }
    return cur;
  }

  private entriesFor(kind: string, obj: KubeObject): Array<[ClusterReportSection, string, unknown]> {
    const ns = obj.metadata.namespace ?? "";
    const name = obj.metadata.name;
    switch (kind) {
      case "Namespace":
        return [["namespace", name, { name, metadata: cleanMetadata(obj.metadata), status: (obj as Obj).status?.phase ?? "" }]];
      case "Node": {
        const { images: _images, ...status } = ((obj as Obj).status ?? {}) as Obj;
        return [["node", name, { name, metadata: cleanMetadata(obj.metadata), ...status }]];
      }
      case "Service":
        return [["service", `${ns}/${name}`, { apiVersion: "v1", kind: "Service", metadata: cleanMetadata(obj.metadata), spec: (obj as Obj).spec }]];
      case "Secret":
        // Metadata only: whatever else the object carried (data, stringData) is never copied.
        return [["secret", `${ns}/${name}`, { apiVersion: "v1", kind: "Secret", metadata: cleanMetadata(obj.metadata), type: (obj as Obj).type }]];
      case "Pod":
        return [["pod", `${ns}/${name}`, this.podEntry(obj)]];
      default: {
        if (!MICROSERVICE_KINDS.has(kind)) return [];
        const out: Array<[ClusterReportSection, string, unknown]> = [];
        // ReplicaSets and Jobs with a controller are parts of their owner, not microservices.
        const standalone = !((kind === "ReplicaSet" || kind === "Job") && controllerOf(obj));
        out.push(["microservice", `${kind}/${ns}/${name}`, standalone ? this.microserviceEntry(kind, obj) : undefined]);
        if (kind === "CronJob") out.push(["cronjob", `${ns}/${name}`, { apiVersion: "batch/v1", kind, metadata: cleanMetadata(obj.metadata), spec: (obj as Obj).spec }]);
        return out;
      }
    }
  }

  private microserviceEntry(kind: string, obj: KubeObject): unknown {
    const spec = (obj as Obj).spec ?? {};
    const template = kind === "CronJob" ? spec.jobTemplate?.spec?.template?.spec : spec.template?.spec;
    const uptreeOwner: UptreeOwner = { name: obj.metadata.name, kind };
    return { apiVersion: WORKLOAD_API[kind], kind, metadata: cleanMetadata(obj.metadata), spec, uptreeOwner, podSpecId: podSpecId(template) };
  }

  podEntry(pod: KubeObject): PodEntry {
    const o = pod as Obj;
    const owner = this.topOwner(pod, "Pod");
    const statuses = [...(o.status?.containerStatuses ?? []), ...(o.status?.initContainerStatuses ?? [])] as Obj[];
    const terminated = statuses.map((s) => s.state?.terminated?.finishedAt).filter(Boolean).sort().pop();
    const entry: PodEntry = {
      podName: pod.metadata.name,
      nodeName: o.spec?.nodeName ?? "",
      podIP: o.status?.podIP ?? "",
      namespace: pod.metadata.namespace ?? "",
      uptreeOwner: { name: owner.name, kind: owner.kind },
      podStatus: o.status?.phase ?? "Pending",
    };
    if (o.status?.startTime) entry.startedAt = o.status.startTime;
    if (terminated) entry.terminatedAt = terminated;
    return entry;
  }

  private upsert(section: ClusterReportSection, id: string, entry: unknown): void {
    let current = this.entries.get(section);
    if (!current) this.entries.set(section, (current = new Map()));
    const json = JSON.stringify(entry);
    const old = current.get(id);
    if (old?.json === json) return;
    current.set(id, { json, entry });
    this.record(section, id, old ? "update" : "create", entry);
  }

  private remove(section: ClusterReportSection, id: string): void {
    const old = this.entries.get(section)?.get(id);
    if (!old) return;
    this.entries.get(section)!.delete(id);
    this.record(section, id, "delete", old.entry);
  }

  /** Coalesces changes to one entry between two sends (create+update = create, create+delete = nothing). */
  private record(section: ClusterReportSection, id: string, op: Op, entry: unknown): void {
    let changes = this.pending.get(section);
    if (!changes) this.pending.set(section, (changes = new Map()));
    const prev = changes.get(id);
    if (prev?.op === "create" && op === "delete") changes.delete(id);
    else if (prev?.op === "create") changes.set(id, { op: "create", entry });
    else if (prev?.op === "delete" && op === "create") changes.set(id, { op: "update", entry });
    else changes.set(id, { op, entry });
  }

  /** Every current entry as `create`, and pending changes dropped (a full report supersedes them). */
  fullSections(): Partial<Record<ClusterReportSection, SectionChanges>> {
    this.pending = new Map();
    const out: Partial<Record<ClusterReportSection, SectionChanges>> = {};
    for (const [section, entries] of this.entries) if (entries.size > 0) out[section] = { create: [...entries.values()].map((e) => e.entry) };
    return out;
  }

  /** The changes since the last call (undefined when nothing changed). */
  takeChanges(): Partial<Record<ClusterReportSection, SectionChanges>> | undefined {
    if (this.pending.size === 0) return undefined;
    const out: Partial<Record<ClusterReportSection, SectionChanges>> = {};
    for (const [section, changes] of this.pending) {
      const s: SectionChanges = {};
      for (const { op, entry } of changes.values()) (s[op] ??= []).push(entry);
      if (Object.keys(s).length > 0) out[section] = s;
    }
    this.pending = new Map();
    return Object.keys(out).length > 0 ? out : undefined;
  }
}
