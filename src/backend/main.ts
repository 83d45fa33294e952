import { existsSync, readFileSync } from "node:fs";
import { intFromEnv } from "../common/config.ts";
import { ConfigError } from "../common/errors.ts";
import { createLogger } from "../common/log.ts";
import { loadAdminCredentials } from "./auth/admin.ts";
import { generateApiKey } from "./auth/apiKeys.ts";
import { DEFAULT_BODY_LIMIT, DEFAULT_RETENTION, startBackend } from "./server.ts";
import { openStore } from "./store/open.ts";

const HELP = `ks backend: self-hosted event receiver, master gateway, dashboard and API

usage:
  ks backend                                       run the server
  ks backend apikey create --account A [--label L] create an API key for account A (printed once)
  ks backend apikey list --account A               list A's keys (labels and fingerprints)
  ks backend apikey revoke --account A --label L   revoke A's keys with label L

env:
  PORT                 listen port (default 8080): /k8s/... event receiver, /v1/waitfornotification and
                       /v1/sendnotification (master gateway), /api/v1 (API), / (dashboard), /swagger
  BIND_ADDRESS         listen address (default 0.0.0.0)
  DATA_DIR             SQLite data directory (default ./.data)
  DATABASE_URL         postgres://user:pass@host:5432/db to use PostgreSQL instead of SQLite
  BACKEND_API_KEYS     account:key,... API keys accepted besides those created with "apikey create"
  BACKEND_API_KEYS_FILE  a file with account:key entries (the chart's cloud-secret key backendApiKeys)
  ADMIN_USER           dashboard admin user (default admin); or ADMIN_USER_FILE
  ADMIN_PASSWORD       dashboard admin password (no default: without it the login is disabled);
                       or ADMIN_PASSWORD_FILE (e.g. a mounted Secret)
  SESSION_SECRET       signs session cookies (default: random per start, sign-ins end on restart)
  COOKIE_SECURE        true = always mark the session cookie Secure (default: when the request is https)
  BODY_LIMIT_BYTES     largest accepted report chunk (default ${DEFAULT_BODY_LIMIT})
  RETENTION_DAYS       keep score history, image scans and jobs this long (default ${DEFAULT_RETENTION.historyDays})
  PENDING_CHUNK_HOURS  drop incomplete reports after this long (default ${DEFAULT_RETENTION.pendingChunkHours})
  LOG_LEVEL            pino level (default info)`;

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function apiKeyCommand(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [action] = argv;
  const account = flag(argv, "account");
  if (!account || !/^[A-Za-z0-9_.-]+$/.test(account)) throw new ConfigError("--account is required (letters, digits, _ . -)");
  const store = await openStore({ dataDir: env.DATA_DIR || "./.data", databaseUrl: env.DATABASE_URL });
  try {
    if (action === "create") {
      const key = generateApiKey();
      await store.createApiKey(account, flag(argv, "label") ?? "default", key);
      console.log(key);
      return 0;
    }
    if (action === "list") {
      for (const k of await store.listApiKeys(account)) console.log(`${k.label}\t${k.fingerprint}\t${new Date(k.createdAt).toISOString()}`);
      return 0;
    }
    if (action === "revoke") {
      const label = flag(argv, "label");
      if (!label) throw new ConfigError("--label is required");
      console.log(`revoked ${await store.deleteApiKeys(account, label)} key(s)`);
      return 0;
    }
    throw new ConfigError(`unknown apikey action "${action ?? ""}" (create, list, revoke)`);
  } finally {
    await store.close();
  }
}

/** BACKEND_API_KEYS and, from the chart's Secret, the file named by BACKEND_API_KEYS_FILE (both `account:key,...`). */
function apiKeysFromEnv(env: Record<string, string | undefined>): string | undefined {
  const parts = [env.BACKEND_API_KEYS?.trim()];
  if (env.BACKEND_API_KEYS_FILE) {
    if (!existsSync(env.BACKEND_API_KEYS_FILE)) throw new ConfigError(`BACKEND_API_KEYS_FILE: ${env.BACKEND_API_KEYS_FILE} does not exist`);
    parts.push(readFileSync(env.BACKEND_API_KEYS_FILE, "utf8").trim().replaceAll("\n", ","));
  }
  const joined = parts.filter((p) => p).join(",");
  return joined === "" ? undefined : joined;
}

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  if (argv[0] === "apikey") return apiKeyCommand(argv.slice(1), env);
  if (argv.length > 0) throw new ConfigError(`unknown argument "${argv[0]}" (see ks backend --help)`);
  const logger = createLogger("backend");
  const retentionDays = Number(env.RETENTION_DAYS ?? DEFAULT_RETENTION.historyDays);
  const pendingHours = Number(env.PENDING_CHUNK_HOURS ?? DEFAULT_RETENTION.pendingChunkHours);
  if (!(retentionDays > 0) || !(pendingHours > 0)) throw new ConfigError("RETENTION_DAYS and PENDING_CHUNK_HOURS must be positive numbers");
  const backend = await startBackend({
    port: intFromEnv(env, "PORT", 8080),
    dataDir: env.DATA_DIR || "./.data",
    databaseUrl: env.DATABASE_URL,
    apiKeys: apiKeysFromEnv(env),
    admin: loadAdminCredentials(env),
    sessionSecret: env.SESSION_SECRET,
    secureCookies: env.COOKIE_SECURE === "true",
    bodyLimit: intFromEnv(env, "BODY_LIMIT_BYTES", DEFAULT_BODY_LIMIT),
    retention: { historyDays: retentionDays, pendingChunkHours: pendingHours },
    logger,
    handleSignals: true,
  });
  logger.info({ url: backend.url, store: backend.store.dialect }, "backend ready");
}
