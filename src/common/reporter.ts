import type { Logger } from "./log.ts";
import { Outbox, PermanentDeliveryError } from "./outbox.ts";
import type { BaseReport } from "./wire/systemReport.ts";

export interface EventReceiverOptions {
  /** e.g. http://backend:8080 ; empty disables reporting (kept local). */
  baseUrl: string;
  accessKey?: string;
  logger: Logger;
  maxQueuedItems?: number;
  maxQueuedBytes?: number;
  timeoutMs?: number;
}

export interface Delivery {
  path: string;
  query: Record<string, string>;
  body: string;
}

/**
 * Client of the event receiver: every report goes through a bounded outbox, so a receiver that
 * is down delays reports instead of losing them or blocking the caller.
 */
export class EventReceiverClient {
  private readonly outbox: Outbox<Delivery>;

  constructor(private readonly options: EventReceiverOptions) {
    this.outbox = new Outbox<Delivery>((d) => this.postNow(d), {
      maxItems: options.maxQueuedItems ?? 1000,
      maxBytes: options.maxQueuedBytes ?? 64 * 1024 * 1024,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      logger: options.logger,
    });
  }

  get enabled(): boolean {
    return this.options.baseUrl !== "";
  }

  get queued(): number {
    return this.outbox.size;
  }

  get dropped(): number {
    return this.outbox.dropped;
  }

  /** Queues a JSON POST; returns at once. */
  send(path: string, query: Record<string, string>, payload: unknown): void {
    if (!this.enabled) return;
    const body = JSON.stringify(payload);
    this.outbox.enqueue({ path, query, body }, body.length);
  }

  sendSystemReport(report: BaseReport): void {
    this.send("/k8s/sysreport", { customerGUID: report.customerGUID }, report);
  }

  /** Waits until everything queued so far is delivered (or dropped). */
  flush(): Promise<void> {
    return this.outbox.idle();
  }

  private async postNow(d: Delivery): Promise<void> {
    const url = new URL(d.path, this.options.baseUrl.replace(/\/?$/, "/"));
    for (const [k, v] of Object.entries(d.query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.accessKey) headers["X-API-KEY"] = this.options.accessKey;
    const res = await fetch(url, { method: "POST", headers, body: d.body, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    if (res.ok) return;
    const text = (await res.text()).slice(0, 300);
    // 4xx other than timeouts/throttling/auth means the content itself was refused: retrying cannot help.
    if (res.status >= 400 && res.status < 500 && ![401, 403, 408, 425, 429].includes(res.status)) {
      throw new PermanentDeliveryError(`${url.pathname} answered ${res.status}: ${text}`);
    }
    throw new Error(`${url.pathname} answered ${res.status}: ${text}`);
  }
}

/** Splits items into groups whose JSON stays under maxBytes (one oversized item forms its own group). */
export function chunkByJsonSize<T>(items: readonly T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = JSON.stringify(item).length + 1;
    if (current.length > 0 && size + itemSize > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}
