/**
 * The gateway broker: websocket clients register with attributes, notifications are routed to
 * every matching client. Embeddable: `ks gateway` mounts it on its two ports, the backend mounts
 * the master gateway on its own Elysia app.
 *
 * Embedding API
 * -------------
 *   const broker = createGatewayBroker({
 *     logger,
 *     apiKeys: (key, request) => key === expected ? "account-guid" : false, // optional
 *     limits: { maxMessageBytes: 4 << 20, maxConnections: 20_000, maxBufferedBytes: 8 << 20 },
 *     metrics,                                  // optional ServiceMetrics: gauges + counters
 *   });
 *   app.use(broker.routes());                   // ws /v1/waitfornotification + POST /v1/sendnotification
 *   // or separately: app.use(broker.websocketRoutes()); otherApp.use(broker.sendRoutes());
 *   // or a dedicated Bun.serve websocket port (what `ks gateway` does):
 *   Bun.serve({ fetch: (req, srv) => broker.upgrade(req, srv), websocket: { ...broker.websocketHandler } });
 *   broker.send({ target: { customerGUID, clusterName, dest: "trigger" }, notification: commands });
 *   broker.clients();                           // [{ attributes, connections }]
 *   broker.stats();                             // { connections, routed, dropped, rejected }
 *   await broker.close();                       // closes every client, stops the slow-consumer sweep
 *
 * `apiKeys(key, request)` decides who may connect or post: `false` → 401, `true` → accepted,
 * a string → accepted and confined to that account (the client's `customerGUID` attribute and a
 * posted target's `customerGUID` must equal it, or are filled in with it). Without `apiKeys`
 * everyone is accepted (an in-cluster gateway behind a ClusterIP Service).
 *
 * Fan-out uses Bun's native pub/sub: clients with identical attributes share one topic, so a
 * notification costs one `server.publish` per matching attribute set instead of one JS
 * `send` per socket. The server's own `websocket.backpressureLimit` still applies; in addition a
 * sweep closes any client whose unsent backlog exceeds `maxBufferedBytes`, so one slow consumer
 * never holds memory or delays the others.
 */
import { Elysia } from "elysia";
import type { Server, ServerWebSocket, WebSocketHandler } from "bun";
import { HttpError } from "../common/errors.ts";
import { toErrorResponse } from "../common/http/errors.ts";
import type { ServiceMetrics } from "../common/http/metrics.ts";
import type { Logger } from "../common/log.ts";
import { decodeNotification, encodeNotificationJson, type NotificationEnvelope } from "../common/wire/notification.ts";
import { type AttributeGroup, type Attributes, attributesFromQuery, RoutingTable } from "./routing.ts";

export interface GatewayLimits {
  /** Largest notification accepted by POST or over a websocket, in bytes. */
  maxMessageBytes: number;
  /** Websocket clients beyond this are refused with 503. */
  maxConnections: number;
  /** A client whose unsent backlog exceeds this is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** How often the slow-consumer sweep runs. */
  slowConsumerCheckMs: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxConnections: 20_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  slowConsumerCheckMs: 1000,
};

/** `false` refuses, `true` accepts, a string accepts and confines the caller to that account. */
export type ApiKeyCheck = (key: string, request: Request) => boolean | string | Promise<boolean | string>;

export interface GatewayBrokerOptions {
  logger: Logger;
  apiKeys?: ApiKeyCheck;
  limits?: Partial<GatewayLimits>;
  metrics?: ServiceMetrics;
  /** A client registered (edge mode opens the upstream for its customer here). */
  onClientOpen?: (attributes: Attributes) => void;
  /** A client left. */
  onClientClose?: (attributes: Attributes) => void;
}

export interface DeliveryResult {
  /** Clients the notification was handed to. */
  clients: number;
  /** Distinct attribute sets matched. */
  groups: number;
}

export interface GatewayStats {
  connections: number;
  routed: number;
  dropped: number;
  rejected: number;
}

interface Connection {
  attributes: Attributes;
  group: AttributeGroup;
  account?: string;
}

/** An admitted upgrade, before the socket opens. */
export interface Pending {
  attributes: Record<string, string>;
  account?: string;
}

type AnyServer = Server<unknown>;
type Socket = ServerWebSocket<unknown>;

const topicOf = (group: AttributeGroup) => `g:${group.key}`;

export interface GatewayBroker {
  /** Elysia plugin: the websocket route (default `/v1/waitfornotification`). */
  websocketRoutes(path?: string): Elysia;
  /** Elysia plugin: `POST /v1/sendnotification` (JSON or BSON body). */
  sendRoutes(path?: string): Elysia;
  /** Both plugins, for one port. */
  routes(): Elysia;
  /**
   * Without Elysia, for a dedicated websocket port (what `ks gateway` does):
   * `Bun.serve({ fetch: (req, srv) => broker.upgrade(req, srv), websocket: { ...broker.websocketHandler, ...limits } })`.
   * Per-socket state is then only the admitted attributes.
   */
  upgrade(request: Request, server: Server<unknown>): Promise<Response | undefined>;
  readonly websocketHandler: WebSocketHandler<Pending>;
  /** Routes already-decoded notification bytes (forwarded unchanged, as a binary frame). */
  deliver(target: Attributes, bytes: Uint8Array): DeliveryResult;
  /** Encodes an envelope as JSON and routes it. */
  send(envelope: { target: Record<string, string>; notification?: unknown; sendSynchronicity?: boolean }): DeliveryResult;
  clients(): Array<{ attributes: Attributes; connections: number }>;
  stats(): GatewayStats;
  readonly limits: GatewayLimits;
  close(): Promise<void>;
}

/** Creates a broker; see the file header for the embedding API. */
export function createGatewayBroker(options: GatewayBrokerOptions): GatewayBroker {
  const limits: GatewayLimits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  const { logger } = options;
  const table = new RoutingTable();
  const sockets = new Map<Socket, Connection>();
  const servers = new Set<AnyServer>();
  const pendingByRequest = new WeakMap<Request, Pending>();
  const counters = { routed: 0, dropped: 0, rejected: 0 };

  const m = options.metrics;
  const connectionsGauge = m?.gauge("ks_gateway_connections", "Websocket clients connected");
  const routedCounter = m?.counter("ks_gateway_routed_total", "Notifications handed to clients (one per client)");
  const droppedCounter = m?.counter<"reason">("ks_gateway_dropped_total", "Clients dropped or notifications refused", ["reason"]);
  const notificationsCounter = m?.counter<"source">("ks_gateway_notifications_total", "Notifications routed", ["source"]);

  const drop = (reason: string) => {
    counters.dropped++;
    droppedCounter?.inc({ reason });
  };

  /** Checks X-API-KEY; returns the account the caller is confined to (or undefined). */
  async function authorize(request: Request): Promise<string | undefined> {
    if (!options.apiKeys) return undefined;
    const key = request.headers.get("x-api-key") ?? "";
    const verdict = key === "" ? false : await options.apiKeys(key, request);
    if (verdict === false) {
      counters.rejected++;
      throw new HttpError(401, key === "" ? "X-API-KEY header required" : "X-API-KEY not accepted");
    }
    return typeof verdict === "string" ? verdict : undefined;
  }

  /** Confines a target to the caller's account; throws 403 when it names another one. */
  function confineTarget(target: Record<string, string>, account: string | undefined): Record<string, string> {
    if (account === undefined) return target;
    if (target.customerGUID !== undefined && target.customerGUID !== account) {
      throw new HttpError(403, `target.customerGUID does not belong to this API key`);
    }
    return { ...target, customerGUID: account };
  }

  function deliver(target: Attributes, bytes: Uint8Array): DeliveryResult {
    const groups = table.match(target);
    let clients = 0;
    for (const group of groups) {
      const topic = topicOf(group);
      for (const server of servers) server.publish(topic, bytes);
      clients += group.members;
    }
    counters.routed += clients;
    routedCounter?.inc(clients);
    return { clients, groups: groups.length };
  }

  function unregister(ws: Socket): Connection | undefined {
    const conn = sockets.get(ws);
    if (!conn) return undefined;
    sockets.delete(ws);
    table.remove(conn.group);
    connectionsGauge?.set(sockets.size);
    return conn;
  }

  // Slow consumers: close whoever has more unsent bytes than allowed. The sweep walks the
  // clients in slices (a fifth per tick) so a large gateway never stalls a fan-out for it.
  const SLICES = 5;
  let cursor: Iterator<Socket> | undefined;
  const sweep = setInterval(() => {
    const budget = Math.ceil(sockets.size / SLICES) + 1;
    cursor ??= sockets.keys();
    for (let i = 0; i < budget; i++) {
      const next = cursor.next();
      if (next.done) {
        cursor = undefined;
        break;
      }
      const ws = next.value;
      if (ws.getBufferedAmount() > limits.maxBufferedBytes) {
        const conn = unregister(ws);
        drop("slow consumer");
        logger.warn({ attributes: conn?.attributes, buffered: ws.getBufferedAmount() }, "dropping slow websocket client");
        ws.terminate();
        if (conn) options.onClientClose?.(conn.attributes);
      }
    }
  }, Math.max(10, Math.round(limits.slowConsumerCheckMs / SLICES)));
  sweep.unref?.();

  /** Decides whether an upgrade may register, and with which attributes; throws HttpError. */
  async function admit(request: Request): Promise<Pending> {
    const attributes: Record<string, string> = attributesFromQuery(new URL(request.url).searchParams);
    if (Object.keys(attributes).length === 0) {
      counters.rejected++;
      throw new HttpError(400, "no attributes received: connect with query parameters, e.g. ?customerGUID=...&clusterName=...");
    }
    const account = await authorize(request);
    if (account !== undefined) {
      if (attributes.customerGUID !== undefined && attributes.customerGUID !== account) {
        counters.rejected++;
        throw new HttpError(403, "customerGUID does not belong to this API key");
      }
      attributes.customerGUID = account;
    }
    if (sockets.size >= limits.maxConnections) {
      counters.rejected++;
      drop("connection limit");
      throw new HttpError(503, `connection limit (${limits.maxConnections}) reached`);
    }
    return { attributes, account };
  }

  function register(ws: Socket, pending: Pending | undefined): void {
    if (!pending) {
      ws.close(1011, "registration lost");
      return;
    }
    const group = table.add(pending.attributes);
    sockets.set(ws, { ...pending, group });
    ws.subscribe(topicOf(group));
    connectionsGauge?.set(sockets.size);
    logger.debug({ attributes: pending.attributes }, "websocket client registered");
    options.onClientOpen?.(pending.attributes);
  }

  /** Clients may publish too (the reference re-broadcasts frames from any websocket). */
  function clientMessage(ws: Socket, message: unknown): void {
    const conn = sockets.get(ws);
    if (!conn) return;
    const bytes = toBytes(message);
    if (bytes.length > limits.maxMessageBytes) {
      drop("oversize");
      return;
    }
    const decoded = decodeNotification(bytes);
    if (!decoded.ok) {
      logger.debug({ attributes: conn.attributes, problem: decoded.message }, "ignoring websocket frame that is not a notification");
      return;
    }
    try {
      const target = confineTarget(decoded.envelope.target, conn.account);
      notificationsCounter?.inc({ source: "websocket" });
      deliver(target, bytes);
    } catch (err) {
      logger.warn({ attributes: conn.attributes, err: (err as Error).message }, "refused websocket notification");
    }
  }

  function clientClosed(ws: Socket): void {
    const conn = unregister(ws);
    if (conn) options.onClientClose?.(conn.attributes);
  }

  function websocketRoutes(path = "/v1/waitfornotification") {
    return new Elysia({ name: `gateway-ws:${path}` }).ws(path, {
      detail: { tags: ["gateway"], summary: "Websocket clients register with their query parameters as attributes" },
      async beforeHandle({ request, server }) {
        const pending = await admit(request);
        if (server) servers.add(server as AnyServer);
        pendingByRequest.set(request, pending);
      },
      // Keep client frames as raw bytes/strings: they are routed, not interpreted by Elysia.
      parse: (_ws, message) => message,
      open(ws) {
        register(ws.raw as unknown as Socket, pendingByRequest.get(ws.data.request));
      },
      message(ws, message) {
        clientMessage(ws.raw as unknown as Socket, message);
      },
      close(ws) {
        clientClosed(ws.raw as unknown as Socket);
      },
    }) as unknown as Elysia;
  }

  /** Bun.serve `fetch` for a dedicated websocket port: upgrades, or answers the refusal. */
  async function upgrade(request: Request, server: AnyServer): Promise<Response | undefined> {
    let pending: Pending;
    try {
      pending = await admit(request);
    } catch (err) {
      const { status, body } = toErrorResponse("UNKNOWN", err, new URL(request.url).pathname);
      return Response.json(body, { status });
    }
    servers.add(server);
    if ((server as Server<Pending>).upgrade(request, { data: pending })) return undefined;
    return Response.json({ error: "bad request", message: "expected a websocket upgrade" }, { status: 400 });
  }

  const websocketHandler: WebSocketHandler<Pending> = {
    open: (ws) => register(ws as unknown as Socket, ws.data),
    message: (ws, message) => clientMessage(ws as unknown as Socket, message),
    close: (ws) => clientClosed(ws as unknown as Socket),
  };

  function sendRoutes(path = "/v1/sendnotification") {
    return new Elysia({ name: `gateway-send:${path}` }).post(
      path,
      async ({ request, set }) => {
        const declared = Number(request.headers.get("content-length") ?? "0");
        if (declared > limits.maxMessageBytes) {
          drop("oversize");
          throw new HttpError(413, `notification larger than ${limits.maxMessageBytes} bytes`);
        }
        const account = await authorize(request);
        const bytes = new Uint8Array(await request.arrayBuffer());
        if (bytes.length > limits.maxMessageBytes) {
          drop("oversize");
          throw new HttpError(413, `notification larger than ${limits.maxMessageBytes} bytes`);
        }
        const decoded = decodeNotification(bytes);
        if (!decoded.ok) throw new HttpError(400, decoded.message, { field: decoded.field });
        const target = confineTarget(decoded.envelope.target, account);
        notificationsCounter?.inc({ source: "rest" });
        set.headers["content-type"] = "application/json";
        if (decoded.envelope.sendSynchronicity) {
          const result = deliver(target, bytes);
          set.headers["x-delivered-clients"] = String(result.clients);
          return "[]";
        }
        // Asynchronous: answer first, then route.
        setTimeout(() => deliver(target, bytes), 0);
        return "[]";
      },
      {
        parse: "none",
        detail: {
          tags: ["gateway"],
          summary: "Route a notification {target, sendSynchronicity, notification} (JSON or BSON) to matching websocket clients",
        },
      },
    ) as unknown as Elysia;
  }

  return {
    limits,
    websocketRoutes,
    sendRoutes,
    upgrade,
    websocketHandler,
    routes: () => new Elysia({ name: "gateway" }).use(websocketRoutes()).use(sendRoutes()) as unknown as Elysia,
    deliver,
    send(envelope) {
      const bytes = encodeNotificationJson(envelope);
      return deliver(envelope.target, bytes);
    },
    clients: () => table.list().map((g) => ({ attributes: g.attributes, connections: g.members })),
    stats: () => ({ connections: sockets.size, ...counters }),
    async close() {
      clearInterval(sweep);
      for (const [ws] of sockets) ws.close(1001, "gateway shutting down");
      sockets.clear();
    },
  };
}

function toBytes(message: unknown): Uint8Array {
  if (message instanceof Uint8Array) return message;
  if (message instanceof ArrayBuffer) return new Uint8Array(message);
  if (typeof message === "string") return new TextEncoder().encode(message);
  return new TextEncoder().encode(JSON.stringify(message));
}

export type { NotificationEnvelope };
