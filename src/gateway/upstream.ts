/**
 * Edge mode: an in-cluster gateway keeps one websocket per customer to the master gateway and
 * re-broadcasts what the master sends to its own matching clients.
 */
import type { Logger } from "../common/log.ts";
import { decodeNotification } from "../common/wire/notification.ts";
import { type Attributes, attributesKey } from "./routing.ts";

/** Exponential backoff with jitter: a random delay in [d/2, d], d = min(max, base·2^attempt). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The master's websocket URL from `PARENT_URL` / `rootGatewayURL`: http(s) becomes ws(s), a bare
 * host gets `ws://`, and `/v1/waitfornotification` is appended when no path is given.
 */
export function upstreamBaseUrl(root: string): URL {
  let text = root.trim();
  if (!/^[a-z]+:\/\//i.test(text)) text = `ws://${text}`;
  const url = new URL(text);
  if (url.protocol === "http:") url.protocol = "ws:";
  if (url.protocol === "https:") url.protocol = "wss:";
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/v1/waitfornotification";
  return url;
}

/** What the edge registers upstream with: only `customerGUID` when the client has one. */
export function upstreamAttributes(client: Attributes): Record<string, string> {
  return client.customerGUID !== undefined ? { customerGUID: client.customerGUID } : { ...client };
}

export interface UpstreamOptions {
  rootUrl: string;
  accessKey?: string;
  logger: Logger;
  /** Called with each notification frame the master sends (already validated). */
  onNotification: (target: Attributes, bytes: Uint8Array) => void;
  pingIntervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Called whenever a link connects or drops (for metrics and readiness). */
  onStateChange?: (connected: number, wanted: number) => void;
}

interface Link {
  attributes: Record<string, string>;
  users: number;
  socket?: WebSocket;
  connected: boolean;
  attempt: number;
  retryTimer?: ReturnType<typeof setTimeout>;
  pingTimer?: ReturnType<typeof setInterval>;
  closed: boolean;
}

/** The set of upstream links, one per customer, opened and closed as local clients come and go. */
export class UpstreamLinks {
  private readonly links = new Map<string, Link>();
  private readonly base: URL;

  constructor(private readonly options: UpstreamOptions) {
    this.base = upstreamBaseUrl(options.rootUrl);
  }

  clientOpened(client: Attributes): void {
    const attributes = upstreamAttributes(client);
    const key = attributesKey(attributes);
    let link = this.links.get(key);
    if (!link) {
      link = { attributes, users: 0, connected: false, attempt: 0, closed: false };
      this.links.set(key, link);
      this.connect(link);
    }
    link.users++;
  }

  clientClosed(client: Attributes): void {
    const key = attributesKey(upstreamAttributes(client));
    const link = this.links.get(key);
    if (!link) return;
    link.users--;
    if (link.users <= 0) {
      this.links.delete(key);
      this.shut(link);
    }
  }

  /** Links currently connected / wanted. */
  state(): { connected: number; wanted: number } {
    let connected = 0;
    for (const l of this.links.values()) if (l.connected) connected++;
    return { connected, wanted: this.links.size };
  }

  close(): void {
    for (const link of this.links.values()) this.shut(link);
    this.links.clear();
  }

  private report(): void {
    const { connected, wanted } = this.state();
    this.options.onStateChange?.(connected, wanted);
  }

  private shut(link: Link): void {
    link.closed = true;
    clearTimeout(link.retryTimer);
    clearInterval(link.pingTimer);
    try {
      link.socket?.close(1000, "no local clients");
    } catch {
      /* already closed */
    }
    link.connected = false;
    this.report();
  }

  private connect(link: Link): void {
    if (link.closed) return;
    const url = new URL(this.base);
    for (const [k, v] of Object.entries(link.attributes)) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (this.options.accessKey) headers["X-API-KEY"] = this.options.accessKey;
    const log = this.options.logger.child({ upstream: url.origin, attributes: link.attributes });
    let socket: WebSocket;
    try {
      // Bun's WebSocket accepts headers (the X-API-KEY the master requires).
      socket = new WebSocket(url.toString(), { headers } as unknown as string[]);
    } catch (err) {
      log.error({ err: (err as Error).message }, "cannot open upstream websocket");
      this.scheduleRetry(link, log);
      return;
    }
    socket.binaryType = "arraybuffer";
    link.socket = socket;
    socket.onopen = () => {
      link.connected = true;
      link.attempt = 0;
      log.info("upstream connected");
      clearInterval(link.pingTimer);
      link.pingTimer = setInterval(() => {
        try {
          (socket as unknown as { ping(): void }).ping();
        } catch {
          /* reconnect handles it */
        }
      }, this.options.pingIntervalMs ?? 10_000);
      this.report();
    };
    socket.onmessage = (event) => {
      const bytes = typeof event.data === "string" ? new TextEncoder().encode(event.data) : new Uint8Array(event.data as ArrayBuffer);
      const decoded = decodeNotification(bytes);
      if (!decoded.ok) {
        log.warn({ problem: decoded.message }, "ignoring upstream frame that is not a notification");
        return;
      }
      this.options.onNotification(decoded.envelope.target, bytes);
    };
    socket.onclose = (event) => {
      if (link.socket !== socket) return;
      clearInterval(link.pingTimer);
      const was = link.connected;
      link.connected = false;
      if (link.closed) return;
      log.warn({ code: event.code, reason: event.reason, wasConnected: was }, "upstream closed; reconnecting");
      this.report();
      this.scheduleRetry(link, log);
    };
    socket.onerror = () => {
      /* onclose follows and schedules the retry */
    };
  }

  private scheduleRetry(link: Link, log: Logger): void {
    if (link.closed) return;
    const delay = backoffDelay(link.attempt++, this.options.backoffBaseMs ?? 500, this.options.backoffMaxMs ?? 30_000);
    log.debug({ delayMs: delay, attempt: link.attempt }, "upstream retry scheduled");
    clearTimeout(link.retryTimer);
    link.retryTimer = setTimeout(() => this.connect(link), delay);
  }
}
