import type { Logger } from "./log.ts";
import { errorMessage } from "./errors.ts";

export interface OutboxOptions {
  /** Most items kept while the receiver is down; the oldest is dropped (and logged) beyond it. */
  maxItems: number;
  /** Most bytes kept, by the items' declared sizes. */
  maxBytes: number;
  /** First retry delay; doubles up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  logger: Logger;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

interface Entry<T> {
  item: T;
  bytes: number;
  attempts: number;
}

/** Thrown by a delivery that must not be retried (the receiver refused the content itself). */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/**
 * A bounded, ordered queue of deliveries that retries with exponential backoff while the
 * receiver is down. Memory stays bounded: beyond the limits the oldest entries are dropped with
 * an error log, never the process.
 */
export class Outbox<T> {
  private readonly queue: Entry<T>[] = [];
  private bytes = 0;
  private running = false;
  private idleWaiters: Array<() => void> = [];
  dropped = 0;
  delivered = 0;

  constructor(
    private readonly deliver: (item: T) => Promise<void>,
    private readonly options: OutboxOptions,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  enqueue(item: T, bytes = 1): void {
    this.queue.push({ item, bytes, attempts: 0 });
    this.bytes += bytes;
    while (this.queue.length > this.options.maxItems || (this.bytes > this.options.maxBytes && this.queue.length > 1)) {
      const old = this.queue.shift()!;
      this.bytes -= old.bytes;
      this.dropped++;
      this.options.logger.error({ dropped: this.dropped, queued: this.queue.length }, "outbox full: dropped the oldest undelivered report");
    }
    void this.pump();
  }

  /** Resolves when everything queued so far was delivered or dropped. */
  async idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const sleep = this.options.sleep ?? ((ms: number) => Bun.sleep(ms));
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        try {
          await this.deliver(head.item);
          if (this.queue[0] === head) {
            this.queue.shift();
            this.bytes -= head.bytes;
          }
          this.delivered++;
        } catch (err) {
          if (err instanceof PermanentDeliveryError) {
            this.queue.shift();
            this.bytes -= head.bytes;
            this.dropped++;
            this.options.logger.error({ err: err.message }, "receiver refused a report; not retrying");
            continue;
          }
          head.attempts++;
          const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(head.attempts - 1, 16));
          const jittered = delay / 2 + Math.random() * (delay / 2);
          this.options.logger.warn({ err: errorMessage(err), attempts: head.attempts, retryInMs: Math.round(jittered), queued: this.queue.length }, "delivery failed; will retry");
          await sleep(jittered);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
