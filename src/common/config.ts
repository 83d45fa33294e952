import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors.ts";

/** "true"/"false" strings (as the reference chart writes them) or real booleans. */
const looseBoolean = z.union([z.boolean(), z.enum(["true", "false", "True", "False", ""]).transform((s) => s.toLowerCase() === "true")]);
const looseNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * The `clusterData` key of the `ks-cloud-config` ConfigMap (wire spec §7.1), mounted as
 * `/etc/config/clusterData.json`. Unknown keys are kept so newer charts keep working.
 */
export const ClusterConfigSchema = z
  .object({
    accountID: z.string().default(""),
    clusterName: z.string().default(""),
    gatewayWebsocketURL: z.string().default("gateway:8001"),
    gatewayRestURL: z.string().default("gateway:8002"),
    vulnScanURL: z.string().optional(),
    kubevulnURL: z.string().default("kubevuln:8080"),
    kubescapeURL: z.string().default("kubescape:8080"),
    operatorURL: z.string().default("operator:4002"),
    triggerNewImageScan: looseBoolean.default(false),
    maxImageSize: looseNumber.default(5368709120),
    keepLocal: looseBoolean.default(false),
    scanTimeout: z.string().default("5m"),
    backendOpenAPI: z.string().optional(),
    eventReceiverRestURL: z.string().default(""),
    eventReceiverWebsocketURL: z.string().default(""),
    rootGatewayURL: z.string().default(""),
    apiServerRestURL: z.string().optional(),
    namespace: z.string().default("kubescape"),
    clusterProvider: z.string().optional(),
    includeNamespaces: z.string().optional(),
    excludeNamespaces: z.string().optional(),
    defaultFrameworks: z.string().optional(),
  })
  .loose();
export type ClusterConfig = z.infer<typeof ClusterConfigSchema>;

export const DEFAULT_CONFIG_PATH = "/etc/config/clusterData.json";
export const DEFAULT_CREDENTIALS_DIR = "/etc/credentials";

type Env = Record<string, string | undefined>;

/** `eventReceiverRestURL` → `EVENT_RECEIVER_REST_URL`: the env variable that overrides a key. */
export function envNameFor(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.join(".") || "(root)";
  return `${key}: ${issue.message}`;
}

/** Pure: merge file content and env overrides, then validate. Throws ConfigError naming the key. */
export function parseClusterConfig(fileContent: unknown, env: Env, source: string): ClusterConfig {
  if (fileContent !== undefined && (typeof fileContent !== "object" || fileContent === null || Array.isArray(fileContent))) {
    throw new ConfigError(`${source}: expected a JSON object`);
  }
  const merged: Record<string, unknown> = { ...((fileContent as Record<string, unknown> | undefined) ?? {}) };
  for (const key of Object.keys(ClusterConfigSchema.shape)) {
    const override = env[envNameFor(key)];
    if (override !== undefined && override !== "") merged[key] = override;
  }
  const parsed = ClusterConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(`${source}: invalid key ${parsed.error.issues.map(describeIssue).join("; ")}`);
  }
  return parsed.data;
}

export interface LoadConfigOptions {
  env?: Env;
  /** When false, a missing file is fine and defaults plus env apply. */
  required?: boolean;
}

/** Reads `CONFIG` (default /etc/config/clusterData.json) and applies env overrides. */
export function loadClusterConfig(options: LoadConfigOptions = {}): ClusterConfig {
  const env = options.env ?? process.env;
  const path = env.CONFIG ?? DEFAULT_CONFIG_PATH;
  let content: unknown;
  if (existsSync(path)) {
    const text = readFileSync(path, "utf8");
    try {
      content = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
    }
  } else if (options.required ?? true) {
    throw new ConfigError(`${path}: config file not found (set CONFIG to the clusterData.json path)`);
  }
  return parseClusterConfig(content, env, path);
}

export interface Credentials {
  account: string;
  accessKey: string;
}

/** `/etc/credentials/{account,accessKey}` (a mounted Secret) or ACCOUNT_ID / ACCESS_KEY env. */
export function loadCredentials(env: Env = process.env): Credentials {
  const dir = env.CREDENTIALS_DIR ?? DEFAULT_CREDENTIALS_DIR;
  const read = (name: string) => {
    const p = join(dir, name);
    return existsSync(p) ? readFileSync(p, "utf8").trim() : "";
  };
  return {
    account: env.ACCOUNT_ID || read("account") || read("clientID"),
    accessKey: env.ACCESS_KEY || read("accessKey") || read("secretKey"),
  };
}

/** Ensures a URL has a scheme: the ConfigMap writes bare `gateway:8001`. */
export function withScheme(url: string, scheme: "http" | "ws"): string {
  if (/^[a-z]+:\/\//i.test(url)) return url;
  return `${scheme}://${url}`;
}

export function intFromEnv(env: Env, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1_000_000) throw new ConfigError(`${name}: expected an integer, got "${v}"`);
  return n;
}
