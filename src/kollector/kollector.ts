import type { KubeConfig } from "../common/kube.ts";
import type { Logger } from "../common/log.ts";
import { Outbox } from "../common/outbox.ts";
import { Inventory } from "./inventory.ts";
import { LeaseElector } from "./lease.ts";
import { NewImageTrigger, type ScanNotification } from "./newImages.ts";
import { type ReportHeader, ReportSocket } from "./reportSocket.ts";
import { type KubeObject, ResourceWatcher, WATCH_TARGETS, type WatchEventType } from "./watcher.ts";

export interface KollectorOptions {
  kc: KubeConfig;
  logger: Logger;
  account: string;
  clusterName: string;
  namespace: string;
  /** ws(s)://…/k8s/cluster-reports (query added here). */
  eventReceiverWsUrl: string;
  accessKey?: string;
  /** http://gateway:8002 ; empty disables new-image scans. */
  gatewayRestUrl: string;
  triggerNewImageScan: boolean;
  installationData?: Record<string, unknown>;
  identity: string;
  leaseName?: string;
  leaseDurationSeconds?: number;
  batchIntervalMs?: number;
  pingIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  watchTimeoutSeconds?: number;
  /** Log every message sent (PRINT_REPORT). */
  printReport?: boolean;
}

/** Provider from a node's spec.providerID scheme (aws://, gce://, azure://...). */
export function cloudVendorOf(nodes: KubeObject[]): string {
  const names: Record<string, string> = { aws: "EKS", gce: "GKE", azure: "AKS", digitalocean: "DOKS", ibm: "IKS", oci: "OKE", linode: "LKE" };
  for (const n of nodes) {
    const scheme = /^([a-z]+):\/\//.exec(String((n as { spec?: { providerID?: string } }).spec?.providerID ?? ""))?.[1];
    if (scheme) return names[scheme] ?? scheme;
  }
  return "";
}

/** The report URL with the account and cluster the receiver files the stream under. */
export function clusterReportsUrl(base: string, account: string, clusterName: string): string {
  const ws = base.replace(/^http(s?):\/\//, "ws$1://").replace(/\/+$/, "");
  const url = new URL(ws.endsWith("/k8s/cluster-reports") ? ws : `${ws}/k8s/cluster-reports`);
  url.searchParams.set("customerGUID", account);
  url.searchParams.set("clusterName", clusterName);
  return url.toString();
}

/**
 * Kollector: keeps a live inventory of the cluster from list-then-watch streams and, while it
 * holds the lease, streams it to the event receiver; asks for scans of images never seen before.
 */
export class Kollector {
  readonly inventory = new Inventory();
  readonly watchers: ResourceWatcher[];
  readonly socket: ReportSocket;
  readonly lease: LeaseElector;
  readonly images?: NewImageTrigger;
  private readonly notifications?: Outbox<ScanNotification>;
  private synced = false;

  constructor(private readonly options: KollectorOptions) {
    const { kc, logger } = options;
    this.watchers = WATCH_TARGETS.map(
      (target) =>
        new ResourceWatcher({
          kc,
          target,
          logger,
          onEvent: (type, obj) => this.onEvent(target.kind, type, obj),
          minBackoffMs: options.minBackoffMs,
          maxBackoffMs: options.maxBackoffMs,
          watchTimeoutSeconds: options.watchTimeoutSeconds,
        }),
    );
    this.socket = new ReportSocket({
      url: clusterReportsUrl(options.eventReceiverWsUrl, options.account, options.clusterName),
      accessKey: options.accessKey,
      logger,
      fullSections: () => this.inventory.fullSections(),
      takeChanges: () => this.inventory.takeChanges(),
      header: () => this.header(),
      batchIntervalMs: options.batchIntervalMs,
      pingIntervalMs: options.pingIntervalMs,
      printReport: options.printReport,
      minBackoffMs: options.minBackoffMs,
      maxBackoffMs: options.maxBackoffMs,
    });
    this.lease = new LeaseElector({
      kc,
      namespace: options.namespace,
      name: options.leaseName ?? "kollector",
      identity: options.identity,
      durationSeconds: options.leaseDurationSeconds ?? 15,
      logger,
      onChange: (leader) => (leader ? this.socket.start() : this.socket.stop()),
    });
    if (options.triggerNewImageScan && options.gatewayRestUrl) {
      const url = `${options.gatewayRestUrl.replace(/\/+$/, "")}/v1/sendnotification`;
      this.notifications = new Outbox<ScanNotification>(
        async (n) => {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(n), signal: AbortSignal.timeout(10_000) });
          if (!res.ok) throw new Error(`gateway answered ${res.status}`);
        },
        { maxItems: 1000, maxBytes: 1024 * 1024, baseDelayMs: 500, maxDelayMs: 30_000, logger },
      );
      this.images = new NewImageTrigger({ account: options.account, clusterName: options.clusterName, logger, send: (n) => this.notifications!.enqueue(n, 256) });
    }
  }

  /** Initial lists (owners before pods), then watches, then the lease decides who reports. */
  async start(): Promise<void> {
    for (const w of this.watchers) await w.start();
    this.synced = true;
    this.options.logger.info({ objects: this.watchers.reduce((n, w) => n + w.size, 0) }, "inventory synced");
    this.lease.start();
  }

  async stop(): Promise<void> {
    await this.lease.stop();
    this.socket.stop();
    await Promise.all(this.watchers.map((w) => w.stop()));
    await this.notifications?.idle();
  }

  /** Waits until queued scan notifications are delivered (tests, shutdown). */
  flushNotifications(): Promise<void> {
    return this.notifications?.idle() ?? Promise.resolve();
  }

  private onEvent(kind: string, type: WatchEventType, obj: KubeObject): void {
    this.inventory.apply(kind, type, obj);
    if (kind !== "Pod" || !this.images || type === "DELETED") return;
    if (!this.synced) this.images.seed(obj);
    else this.images.onPod(obj, this.inventory.topOwner(obj, "Pod"));
  }

  private async header(): Promise<ReportHeader> {
    let version: Record<string, unknown> | undefined;
    try {
      const res = await this.options.kc.fetch("/version", { signal: AbortSignal.timeout(10_000) });
      if (res.ok) version = (await res.json()) as Record<string, unknown>;
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, "API server version unavailable");
    }
    const nodes = this.inventory.fullNodes();
    return {
      clusterAPIServerVersion: version,
      cloudVendor: cloudVendorOf(nodes),
      installationData: { clusterName: this.options.clusterName, namespace: this.options.namespace, ...this.options.installationData },
    };
  }
}
