/**
 * `ks gateway` wiring: the broker on two ports (websocket, REST), optional API keys, and the
 * upstream links when this gateway is an edge.
 */
import { createServiceApp, serve, type RunningService } from "../common/http/service.ts";
import type { Logger } from "../common/log.ts";
import { type ApiKeyCheck, createGatewayBroker, type GatewayBroker, type GatewayLimits } from "./broker.ts";
import { UpstreamLinks } from "./upstream.ts";

export interface GatewayServiceOptions {
  logger: Logger;
  websocketPort: number;
  httpPort: number;
  readinessPort?: number;
  hostname?: string;
  /** Master gateway URL: set → edge mode. */
  parentUrl?: string;
  /** Key sent upstream as X-API-KEY. */
  accessKey?: string;
  /** Keys this gateway accepts (key → account or true); empty/undefined → open. */
  apiKeys?: Map<string, string | true>;
  limits?: Partial<GatewayLimits>;
  handleSignals?: boolean;
  upstreamBackoffBaseMs?: number;
  upstreamPingMs?: number;
}

export interface GatewayService {
  broker: GatewayBroker;
  upstream?: UpstreamLinks;
  websocketPort: number;
  httpPort: number;
  stop(): Promise<void>;
}

/** `key` or `key=account` entries, separated by commas or new lines. */
export function parseApiKeys(text: string): Map<string, string | true> {
  const keys = new Map<string, string | true>();
  for (const entry of text.split(/[\n,]/)) {
    const trimmed = entry.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0) keys.set(trimmed, true);
    else keys.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim() || true);
  }
  return keys;
}

export function startGatewayService(options: GatewayServiceOptions): GatewayService {
  const { logger } = options;
  const { app: httpApp, health, metrics } = createServiceApp({
    component: "gateway",
    logger,
    bodyLimit: (options.limits?.maxMessageBytes ?? 4 * 1024 * 1024) + 1024,
    description: "Routes notifications to websocket clients by attributes",
  });
  let upstream: UpstreamLinks | undefined;
  const keyTable = options.apiKeys && options.apiKeys.size > 0 ? options.apiKeys : undefined;
  const apiKeys: ApiKeyCheck | undefined = keyTable ? (key) => keyTable.get(key) ?? false : undefined;
  const upstreamGauge = metrics.gauge("ks_gateway_upstream_connected", "Upstream links to the master gateway that are connected");

  const broker = createGatewayBroker({
    logger,
    apiKeys,
    limits: options.limits,
    metrics,
    onClientOpen: (attrs) => upstream?.clientOpened(attrs),
    onClientClose: (attrs) => upstream?.clientClosed(attrs),
  });
  if (options.parentUrl) {
    upstream = new UpstreamLinks({
      rootUrl: options.parentUrl,
      accessKey: options.accessKey,
      logger: logger.child({ role: "edge" }),
      onNotification: (target, bytes) => broker.deliver(target, bytes),
      backoffBaseMs: options.upstreamBackoffBaseMs,
      pingIntervalMs: options.upstreamPingMs,
      onStateChange: (connected) => upstreamGauge.set(connected),
    });
  }

  const limits = broker.limits;
  const hostname = options.hostname ?? process.env.BIND_ADDRESS ?? "0.0.0.0";
  // The websocket port is plain Bun.serve: per socket only its attributes are kept, and the
  // fan-out is the same native publish a bare server would do.
  const websocketPath = "/v1/waitfornotification";
  const wsServer = Bun.serve({
    port: options.websocketPort,
    hostname,
    fetch: (request, server) => {
      const path = new URL(request.url).pathname;
      // The reference matched the path as a prefix.
      if (!path.startsWith(websocketPath)) return Response.json({ error: "not found", message: `no route for ${path}` }, { status: 404 });
      return broker.upgrade(request, server);
    },
    websocket: {
      ...broker.websocketHandler,
      maxPayloadLength: limits.maxMessageBytes + 1024,
      // Hard stop above the broker's own slow-consumer sweep (which counts what it drops).
      backpressureLimit: limits.maxBufferedBytes * 2,
      closeOnBackpressureLimit: true,
      idleTimeout: 120,
      sendPings: true,
    },
  });

  httpApp.use(broker.sendRoutes());
  // Listing clients would reveal other tenants' attributes, so only an open gateway offers it.
  if (!keyTable) {
    httpApp.get("/v1/clients", () => broker.clients(), {
      detail: { tags: ["gateway"], summary: "Registered client attribute sets and their connection counts" },
    });
  }
  let running: RunningService | undefined;
  const stopAll = async () => {
    upstream?.close();
    await broker.close();
    wsServer.stop(true);
  };
  running = serve(httpApp, health, logger, {
    port: options.httpPort,
    hostname,
    readinessPort: options.readinessPort,
    handleSignals: options.handleSignals,
    onShutdown: stopAll,
  });
  health.setReady();
  logger.info({ websocketPort: wsServer.port, httpPort: running.port, edge: Boolean(options.parentUrl), apiKeys: Boolean(keyTable) }, "gateway ready");
  return {
    broker,
    upstream,
    websocketPort: wsServer.port ?? options.websocketPort,
    httpPort: running.port,
    stop: async () => {
      await running?.stop();
    },
  };
}
