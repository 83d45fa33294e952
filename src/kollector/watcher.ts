import type { KubeConfig } from "../common/kube.ts";
import type { Logger } from "../common/log.ts";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface WatchTarget {
  /** Kind name used by the consumer ("Pod", "Secret"...). */
  kind: string;
  /** Collection path, e.g. /api/v1/pods or /apis/apps/v1/deployments. */
  path: string;
  /** Ask for metadata only (PartialObjectMetadata): the payload never reaches us. */
  metadataOnly?: boolean;
}

export interface WatcherOptions {
  kc: KubeConfig;
  target: WatchTarget;
  logger: Logger;
  onEvent: (type: WatchEventType, obj: KubeObject) => void;
  /** Server-side watch timeout; the watch is reopened from the last resourceVersion after it. */
  watchTimeoutSeconds?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  pageSize?: number;
  /** Resume watching from a resourceVersion saved earlier instead of listing first; if it has expired (410) we relist. */
  resumeFrom?: string;
}

const METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
const METADATA_ONE = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

/** An HTTP 410 from the apiserver (in a status or a watch ERROR event): our resourceVersion is too old. */
export class GoneError extends Error {}

const keyOf = (o: KubeObject) => o.metadata.uid ?? `${o.metadata.namespace ?? ""}/${o.metadata.name}`;

/**
 * List-then-watch over raw `kc.fetch` (the client-node Watch does not work under Bun's TLS):
 * list (paged) to get a consistent snapshot and its resourceVersion, then watch from there with
 * bookmarks. A 410 Gone means relist; a relist is diffed against what we hold so consumers only
 * see real changes, deletions included. Errors back off exponentially.
 */
export class ResourceWatcher {
  private readonly known = new Map<string, KubeObject>();
  private resourceVersion = "";
  private abort = new AbortController();
  private stopped = false;
  private loop?: Promise<void>;
  /** Relists so far (the first list included); exposed for tests and metrics. */
  lists = 0;
  bookmarks = 0;

  constructor(private readonly options: WatcherOptions) {}

  /** Lists once (consumers see every object as ADDED) and then keeps watching in the background. */
  get currentResourceVersion(): string {
    return this.resourceVersion;
  }

  async start(): Promise<void> {
    if (this.options.resumeFrom) this.resourceVersion = this.options.resumeFrom;
    else await this.withRetry(() => this.list());
    this.loop = this.watchLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop?.catch(() => {});
  }

  get size(): number {
    return this.known.size;
  }

  private async withRetry(fn: () => Promise<void>): Promise<void> {
    let delay = this.options.minBackoffMs ?? 500;
    for (;;) {
      try {
        await fn();
        return;
      } catch (err) {
        if (this.stopped) return;
        this.options.logger.warn({ kind: this.options.target.kind, err: (err as Error).message, retryInMs: delay }, "list failed");
        await Bun.sleep(delay);
        delay = Math.min(delay * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  private headers(list: boolean): Record<string, string> {
    if (!this.options.target.metadataOnly) return { accept: "application/json" };
    return { accept: list ? METADATA_LIST : METADATA_ONE };
  }

  private async list(): Promise<void> {
    const { kc, target } = this.options;
    const seen = new Map<string, KubeObject>();
    let cont = "";
    let rv = "";
    do {
      const q = new URLSearchParams({ limit: String(this.options.pageSize ?? 500) });
      if (cont) q.set("continue", cont);
      const res = await kc.fetch(`${target.path}?${q}`, { headers: this.headers(true), signal: this.abort.signal });
      if (!res.ok) throw new Error(`list ${target.path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const body = (await res.json()) as { metadata?: { resourceVersion?: string; continue?: string }; items?: KubeObject[] };
      for (const item of body.items ?? []) seen.set(keyOf(item), item);
      rv = body.metadata?.resourceVersion ?? rv;
      cont = body.metadata?.continue ?? "";
    } while (cont);
    this.lists++;
    // Diff the fresh snapshot against what consumers already saw.
    for (const [key, old] of this.known) {
      if (!seen.has(key)) {
        this.known.delete(key);
        this.options.onEvent("DELETED", old);
      }
    }
    for (const [key, obj] of seen) {
      const old = this.known.get(key);
      this.known.set(key, obj);
      if (!old) this.options.onEvent("ADDED", obj);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.options.onEvent("MODIFIED", obj);
    }
    this.resourceVersion = rv;
  }

  private async watchLoop(): Promise<void> {
    const min = this.options.minBackoffMs ?? 500;
    let delay = min;
    while (!this.stopped) {
      try {
        await this.watchOnce();
        delay = min;
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof GoneError) {
          this.options.logger.info({ kind: this.options.target.kind }, "resourceVersion expired (410): relisting");
          await this.withRetry(() => this.list());
          continue;
        }
        this.options.logger.warn({ kind: this.options.target.kind, err: (err as Error).message, retryInMs: delay }, "watch failed");
        await Bun.sleep(delay);
        delay = Math.min(delay * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  private async watchOnce(): Promise<void> {
    const { kc, target } = this.options;
    const q = new URLSearchParams({
      watch: "1",
      allowWatchBookmarks: "true",
      resourceVersion: this.resourceVersion,
      timeoutSeconds: String(this.options.watchTimeoutSeconds ?? 300),
    });
    const res = await kc.fetch(`${target.path}?${q}`, { headers: this.headers(false), signal: this.abort.signal });
    if (res.status === 410) throw new GoneError("gone");
    if (!res.ok || !res.body) throw new Error(`watch ${target.path} answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      await this.readEvents(reader, buffer);
    } finally {
      await reader.cancel().catch(() => {});
    }
  }

  private async readEvents(reader: ReadableStreamDefaultReader<string>, buffer: string): Promise<void> {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) this.handleLine(line);
      }
      if (buffer.length > 64 * 1024 * 1024) throw new Error("watch event larger than 64 MiB");
    }
  }

  private handleLine(line: string): void {
    let event: { type?: string; object?: KubeObject & { code?: number; message?: string } };
    try {
      event = JSON.parse(line);
    } catch {
      throw new Error("watch stream sent a line that is not JSON");
    }
    const obj = event.object;
    if (!obj) return;
    switch (event.type) {
      case "BOOKMARK":
        this.bookmarks++;
        if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        return;
      case "ERROR":
        if (obj.code === 410) throw new GoneError(obj.message ?? "gone");
        throw new Error(`watch error ${obj.code}: ${obj.message}`);
      case "ADDED":
      case "MODIFIED":
      case "DELETED": {
        if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        const key = keyOf(obj);
        if (event.type === "DELETED") this.known.delete(key);
        else this.known.set(key, obj);
        this.options.onEvent(event.type, obj);
        return;
      }
    }
  }
}

/** What kollector watches (wire spec §5 plus the workload kinds that resolve pod owners). */
export const WATCH_TARGETS: WatchTarget[] = [
  { kind: "Namespace", path: "/api/v1/namespaces" },
  { kind: "Node", path: "/api/v1/nodes" },
  { kind: "Service", path: "/api/v1/services" },
  { kind: "Secret", path: "/api/v1/secrets", metadataOnly: true },
  { kind: "Deployment", path: "/apis/apps/v1/deployments" },
  { kind: "StatefulSet", path: "/apis/apps/v1/statefulsets" },
  { kind: "DaemonSet", path: "/apis/apps/v1/daemonsets" },
  { kind: "ReplicaSet", path: "/apis/apps/v1/replicasets" },
  { kind: "Job", path: "/apis/batch/v1/jobs" },
  { kind: "CronJob", path: "/apis/batch/v1/cronjobs" },
  { kind: "Pod", path: "/api/v1/pods" },
];
