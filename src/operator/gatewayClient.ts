/**
 * The operator's websocket to the in-cluster gateway (§1.7): registers as
 * `InClusterTriggerHandler`, acts on notifications whose `target.dest` is `trigger` or
 * `kubescape`, pings, and reconnects with backoff.
 */
import type { Logger } from "../common/log.ts";
import { type Commands, parseCommands } from "../common/wire/commands.ts";
import { decodeNotification } from "../common/wire/notification.ts";
import { backoffDelay } from "../gateway/upstream.ts";

export interface GatewayClientOptions {
  /** `gateway:8001`, `ws://…` or `wss://…`. */
  gatewayUrl: string;
  customerGUID: string;
  clusterName: string;
  /** Sent as X-API-KEY (needed only when the operator talks to a master gateway directly). */
  apiKey?: string;
  logger: Logger;
  onCommands: (commands: Commands) => void;
  pingMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export const ACTIONABLE_DESTINATIONS = new Set(["trigger", "kubescape"]);

export function gatewayClientUrl(gatewayUrl: string, customerGUID: string, clusterName: string): string {
  const base = /^wss?:\/\//i.test(gatewayUrl) ? gatewayUrl : `ws://${gatewayUrl.replace(/^https?:\/\//i, "")}`;
  const url = new URL(base);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/v1/waitfornotification";
  url.searchParams.set("customerGUID", customerGUID);
  url.searchParams.set("clusterName", clusterName);
  url.searchParams.set("clusterComponent", "InClusterTriggerHandler");
  return url.toString();
}

export class GatewayCommandClient {
  private socket?: WebSocket;
  private attempt = 0;
  private stopped = false;
  private pingTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  connected = false;

  constructor(private readonly options: GatewayClientOptions) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.pingTimer);
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, "operator stopping");
  }

  /** Handles one frame; exported behaviour for tests through onCommands. */
  handleFrame(bytes: Uint8Array): void {
    const decoded = decodeNotification(bytes);
    if (!decoded.ok) {
      this.options.logger.warn({ problem: decoded.message }, "ignoring gateway frame that is not a notification");
      return;
    }
    const dest = decoded.envelope.target.dest;
    if (!dest || !ACTIONABLE_DESTINATIONS.has(dest)) {
      this.options.logger.debug({ dest }, "notification not for the operator");
      return;
    }
    let notification = decoded.envelope.notification;
    if (typeof notification === "string") {
      try {
        notification = JSON.parse(notification);
      } catch {
        /* reported below */
      }
    }
    const parsed = parseCommands(notification);
    if (!parsed.ok) {
      this.options.logger.warn({ problem: parsed.message }, "gateway notification is not a Commands document");
      return;
    }
    this.options.onCommands(parsed.value);
  }

  private connect(): void {
    if (this.stopped) return;
    const url = gatewayClientUrl(this.options.gatewayUrl, this.options.customerGUID, this.options.clusterName);
    const headers: Record<string, string> = this.options.apiKey ? { "X-API-KEY": this.options.apiKey } : {};
    // Bun's WebSocket accepts headers.
    const socket = new WebSocket(url, { headers } as unknown as string[]);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.connected = true;
      this.attempt = 0;
      this.options.logger.info({ gateway: new URL(url).host }, "connected to gateway");
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => {
        try {
          (socket as unknown as { ping(): void }).ping();
        } catch {
          /* reconnect handles it */
        }
      }, this.options.pingMs ?? 30_000);
    };
    socket.onmessage = (e) => {
      const bytes = typeof e.data === "string" ? new TextEncoder().encode(e.data) : new Uint8Array(e.data as ArrayBuffer);
      this.handleFrame(bytes);
    };
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.connected = false;
      clearInterval(this.pingTimer);
      if (this.stopped) return;
      const delay = backoffDelay(this.attempt++, this.options.backoffBaseMs ?? 2000, this.options.backoffMaxMs ?? 30_000);
      this.options.logger.warn({ code: e.code, delayMs: delay }, "gateway connection closed; reconnecting");
      this.retryTimer = setTimeout(() => this.connect(), delay);
    };
    socket.onerror = () => {
      /* onclose follows */
    };
  }
}
