import type { Logger } from "../common/log.ts";
import { CLUSTER_REPORT_SECTIONS, type ClusterReportMessage, type ClusterReportSection, type SectionChanges } from "../common/wire/clusterReport.ts";

type Sections = Partial<Record<ClusterReportSection, SectionChanges>>;

export interface ReportHeader {
  clusterAPIServerVersion?: Record<string, unknown>;
  cloudVendor?: string;
  installationData?: Record<string, unknown>;
}

export interface ReportSocketOptions {
  /** ws(s)://host/k8s/cluster-reports?customerGUID=..&clusterName=.. */
  url: string;
  accessKey?: string;
  logger: Logger;
  /** Every current entry (called on each (re)connect). */
  fullSections: () => Sections;
  /** Changes since the last call. */
  takeChanges: () => Sections | undefined;
  header: () => Promise<ReportHeader>;
  batchIntervalMs?: number;
  pingIntervalMs?: number;
  maxMessageBytes?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  printReport?: boolean;
}

/**
 * Pure: splits sections into messages of at most maxBytes (an oversized entry travels alone).
 * The first message of a full report carries `firstReport` and the header.
 */
export function buildMessages(sections: Sections, first: boolean, header: ReportHeader, maxBytes: number): ClusterReportMessage[] {
  const messages: ClusterReportMessage[] = [];
  let current: ClusterReportMessage = first ? { firstReport: true, ...header } : { firstReport: false };
  let size = JSON.stringify(current).length;
  let hasItems = false;
  for (const section of CLUSTER_REPORT_SECTIONS) {
    const changes = sections[section];
    if (!changes) continue;
    for (const op of ["create", "update", "delete"] as const) {
      for (const entry of changes[op] ?? []) {
        const entrySize = JSON.stringify(entry).length + 1;
        if (hasItems && size + entrySize > maxBytes) {
          messages.push(current);
          current = { firstReport: false };
          size = JSON.stringify(current).length;
          hasItems = false;
        }
        const s = (current[section] ??= {});
        (s[op] ??= []).push(entry);
        size += entrySize + 16;
        hasItems = true;
      }
    }
  }
  if (hasItems || first) messages.push(current);
  return messages;
}

/**
 * The websocket to the event receiver: a full report on every (re)connect, then batched diffs,
 * pings every 10 s, and reconnects with backoff when the connection drops.
 */
export class ReportSocket {
  private ws?: WebSocket;
  private open = false;
  private stopped = true;
  private batchTimer?: ReturnType<typeof setInterval>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private backoff: number;
  /** Full reports sent (1 per connection) and messages sent, for tests and metrics. */
  fullReports = 0;
  messagesSent = 0;

  constructor(private readonly options: ReportSocketOptions) {
    this.backoff = options.minBackoffMs ?? 1000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
    this.batchTimer = setInterval(() => this.flush(), this.options.batchIntervalMs ?? 2000);
    this.pingTimer = setInterval(() => this.ping(), this.options.pingIntervalMs ?? 10_000);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.batchTimer);
    clearInterval(this.pingTimer);
    clearTimeout(this.reconnectTimer);
    this.open = false;
    this.ws?.close(1000, "kollector stopping");
    this.ws = undefined;
  }

  get connected(): boolean {
    return this.open;
  }

  private connect(): void {
    const { logger, accessKey } = this.options;
    let ws: WebSocket;
    try {
      // Bun's client WebSocket takes headers: the receiver authenticates with X-API-KEY.
      ws = new WebSocket(this.options.url, { headers: accessKey ? { "X-API-KEY": accessKey } : {} } as unknown as string[]);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "cannot open the report websocket");
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.addEventListener("open", () => {
      if (this.ws !== ws) return;
      this.open = true;
      this.backoff = this.options.minBackoffMs ?? 1000;
      logger.info({ url: this.redactedUrl() }, "report websocket connected: sending a full report");
      void this.sendFull(ws);
    });
    ws.addEventListener("message", (ev) => {
      // The receiver answers only on errors.
      logger.warn({ message: String(ev.data).slice(0, 300) }, "event receiver reported a problem");
    });
    ws.addEventListener("close", (ev) => {
      if (this.ws !== ws) return;
      this.open = false;
      this.ws = undefined;
      if (!this.stopped) {
        logger.warn({ code: ev.code, reason: ev.reason }, "report websocket closed");
        this.scheduleReconnect();
      }
    });
    ws.addEventListener("error", () => {
      // A close event follows; reconnecting happens there.
    });
  }

  private redactedUrl(): string {
    return this.options.url.replace(/customerGUID=[^&]*/, "customerGUID=…");
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 30_000);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private async sendFull(ws: WebSocket): Promise<void> {
    const header = await this.options.header();
    if (this.ws !== ws || !this.open) return;
    const messages = buildMessages(this.options.fullSections(), true, header, this.options.maxMessageBytes ?? 4 * 1024 * 1024);
    for (const m of messages) this.send(ws, m);
    this.fullReports++;
  }

  private send(ws: WebSocket, message: ClusterReportMessage): void {
    const text = JSON.stringify(message);
    if (this.options.printReport) this.options.logger.info({ report: message, bytes: text.length }, "cluster report sent");
    ws.send(text);
    this.messagesSent++;
  }

  /** Sends the changes since the last batch; while disconnected they wait (the next full report covers them). */
  flush(): void {
    const ws = this.ws;
    if (!ws || !this.open) return;
    const changes = this.options.takeChanges();
    if (!changes) return;
    for (const m of buildMessages(changes, false, {}, this.options.maxMessageBytes ?? 4 * 1024 * 1024)) this.send(ws, m);
  }

  private ping(): void {
    const ws = this.ws as (WebSocket & { ping?: () => void }) | undefined;
    if (ws && this.open && typeof ws.ping === "function") ws.ping();
  }
}
