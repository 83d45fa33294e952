import { createGatewayBroker, type GatewayBroker } from "../gateway/broker.ts";
import { createServiceApp, serve } from "../common/http/service.ts";
import { createLogger, type Logger } from "../common/log.ts";
import { type AdminCredentials, loadAdminCredentials } from "./auth/admin.ts";
import { ApiKeyResolver, parseApiKeysEnv } from "./auth/apiKeys.ts";
import { SessionSigner } from "./auth/session.ts";
import { apiRoutes } from "./api/routes.ts";
import type { BackendContext } from "./context.ts";
import { dashboardRoutes } from "./dashboard/routes.ts";
import { LiveHub } from "./live.ts";
import { containerAssembler, postureAssembler, receiverRoutes } from "./receiver/routes.ts";
import { ChunkReassembler } from "./receiver/reassembly.ts";
import { openStore } from "./store/open.ts";
import type { RetentionSettings, Store } from "./store/types.ts";

export interface BackendOptions {
  /** 0 = any free port. */
  port?: number;
  hostname?: string;
  /** SQLite lives here unless databaseUrl names PostgreSQL. */
  dataDir?: string;
  databaseUrl?: string;
  /** `account:key,...` (as BACKEND_API_KEYS). */
  apiKeys?: string;
  /** The dashboard admin; null/undefined = login disabled. */
  admin?: AdminCredentials | null;
  sessionSecret?: string;
  secureCookies?: boolean;
  bodyLimit?: number;
  retention?: Partial<RetentionSettings>;
  logger?: Logger;
  handleSignals?: boolean;
}

export interface RunningBackend {
  url: string;
  port: number;
  store: Store;
  broker: GatewayBroker;
  context: BackendContext;
  stop(): Promise<void>;
}

export const DEFAULT_RETENTION: RetentionSettings = { historyDays: 90, pendingChunkHours: 24 };
export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;

/** Starts the whole backend in this process; tests and `ks backend` both use it. */
export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  const logger = options.logger ?? createLogger("backend");
  const store = await openStore({ dataDir: options.dataDir ?? "./.data", databaseUrl: options.databaseUrl });
  const keys = new ApiKeyResolver(store, parseApiKeysEnv(options.apiKeys));
  const live = new LiveHub();
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const { app, health, metrics } = createServiceApp({ component: "backend", logger, bodyLimit: bodyLimit + 1024, description: "Event receiver, master gateway, dashboard API" });
  const broker = createGatewayBroker({
    logger: logger.child({ part: "master-gateway" }),
    metrics,
    apiKeys: async (key) => (await keys.accountFor(key)) ?? false,
  });
  const reassembler = new ChunkReassembler(store, logger);
  const ctx: BackendContext = {
    store,
    logger,
    keys,
    reassembler,
    live,
    broker,
    admin: options.admin ?? null,
    sessions: new SessionSigner(options.sessionSecret || Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex")),
    bodyLimit,
    retention: { ...DEFAULT_RETENTION, ...options.retention },
    secureCookies: options.secureCookies ?? false,
  };
  if (!ctx.admin) logger.error("dashboard login disabled: set ADMIN_PASSWORD (or ADMIN_PASSWORD_FILE) to enable it; there is no default password");

  const recovered = await reassembler.recover([postureAssembler(store, live), containerAssembler(store, live)]);
  if (recovered > 0) logger.info({ recovered }, "assembled reports persisted before the last stop");

  app.use(receiverRoutes(ctx)).use(broker.routes()).use(apiRoutes(ctx)).use(dashboardRoutes(ctx));

  const pruneTimer = setInterval(() => {
    store.prune(Date.now(), ctx.retention).then(
      (r) => logger.info({ ...r }, "retention applied"),
      (err) => logger.error({ err }, "retention failed"),
    );
  }, 3_600_000);
  pruneTimer.unref?.();

  const running = serve(app, health, logger, {
    port: options.port ?? 8080,
    hostname: options.hostname,
    handleSignals: options.handleSignals ?? false,
    onShutdown: async () => {
      clearInterval(pruneTimer);
      await broker.close();
    },
  });
  health.setReady();
  let stopped: Promise<void> | undefined;
  return {
    url: running.url,
    port: running.port,
    store,
    broker,
    context: ctx,
    stop: () => {
      stopped ??= (async () => {
        await running.stop();
        await store.close();
      })();
      return stopped;
    },
  };
}

export { loadAdminCredentials };
