import { existsSync, readFileSync } from "node:fs";
import { intFromEnv, loadClusterConfig, loadCredentials } from "../common/config.ts";
import { ConfigError } from "../common/errors.ts";
import { createLogger } from "../common/log.ts";
import { parseApiKeys, startGatewayService } from "./service.ts";

const HELP = `ks gateway: routes notifications (commands) to websocket clients by attributes

Websocket clients connect to /v1/waitfornotification?attr=value&... ; notifications are posted
to /v1/sendnotification as {target, sendSynchronicity, notification} (JSON or BSON) and reach
every client whose attributes agree with target on every shared key.

env:
  WEBSOCKET_PORT          websocket port (default 8001)
  HTTP_PORT               REST port (default 8002): /v1/sendnotification, /metrics, /swagger
  READINESS_PORT          health port (default 8000): /v1/readiness, /v1/liveness
  PARENT_URL              master gateway (ws[s]://host[:port][/v1/waitfornotification]); when set,
                          or when clusterData has rootGatewayURL, this gateway is an edge
  CONFIG                  clusterData.json (default /etc/config/clusterData.json, optional)
  CREDENTIALS_DIR         /etc/credentials: accessKey is sent upstream as X-API-KEY (or ACCESS_KEY)
  GATEWAY_API_KEYS        accepted X-API-KEY values, "key" or "key=account", comma separated;
  GATEWAY_API_KEYS_FILE   the same, one per line (from a Secret); unset → no key required
  MAX_MESSAGE_BYTES       largest notification (default 4194304)
  MAX_CONNECTIONS         websocket clients (default 20000)
  MAX_BUFFERED_BYTES      unsent bytes per client before it is dropped (default 8388608)
  LOG_LEVEL               pino level (default info)`;

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const config = loadClusterConfig({ required: Boolean(env.CONFIG) });
  const credentials = loadCredentials(env);
  let keyText = env.GATEWAY_API_KEYS ?? "";
  if (env.GATEWAY_API_KEYS_FILE) {
    if (!existsSync(env.GATEWAY_API_KEYS_FILE)) throw new ConfigError(`GATEWAY_API_KEYS_FILE: ${env.GATEWAY_API_KEYS_FILE} not found`);
    keyText += `\n${readFileSync(env.GATEWAY_API_KEYS_FILE, "utf8")}`;
  }
  const parentUrl = env.PARENT_URL || config.rootGatewayURL || undefined;
  const logger = createLogger("gateway");
  startGatewayService({
    logger,
    websocketPort: intFromEnv(env, "WEBSOCKET_PORT", 8001),
    httpPort: intFromEnv(env, "HTTP_PORT", 8002),
    readinessPort: intFromEnv(env, "READINESS_PORT", 8000),
    parentUrl,
    accessKey: credentials.accessKey || undefined,
    apiKeys: parseApiKeys(keyText),
    limits: {
      maxMessageBytes: intFromEnv(env, "MAX_MESSAGE_BYTES", 4 * 1024 * 1024),
      maxConnections: intFromEnv(env, "MAX_CONNECTIONS", 20_000),
      maxBufferedBytes: intFromEnv(env, "MAX_BUFFERED_BYTES", 8 * 1024 * 1024),
    },
  });
}
