import { intFromEnv, loadClusterConfig, loadCredentials, withScheme } from "../../common/config.ts";
import { ConfigError } from "../../common/errors.ts";
import { serve } from "../../common/http/service.ts";
import { createLogger } from "../../common/log.ts";
import { EventReceiverClient } from "../../common/reporter.ts";
import { defaultDbPath } from "../db/location.ts";
import { ImageScanner } from "./imageScanner.ts";
import { ScanQueue } from "./scanQueue.ts";
import { createKubevulnApp } from "./server.ts";
import { VulnDbHolder } from "./vulnDbHolder.ts";

const HELP = `ks kubevuln: image vulnerability scanning service

routes: POST /v1/scanImage, /v1/scanRegistryImage, /v1/generateSBOM (200 = accepted; scans run
in a bounded queue), GET /v1/liveness, /v1/readiness (503 until the vulnerability database is
loaded), /metrics, /swagger. Results go to <eventReceiverRestURL>/k8s/v2/containerScan in ~30 KB
chunks, job status to /k8s/sysreport.

env:
  PORT                   listen port (default 8080)
  CONFIG                 clusterData.json (default /etc/config/clusterData.json): accountID,
                         clusterName, eventReceiverRestURL, keepLocal, maxImageSize, scanTimeout,
                         scanConcurrency
  KS_VULNDB              vulnerability database file (default ~/.cache/ks/vulndb.sqlite)
  KS_VULNDB_URL          where to download it from when the file is missing
  KS_DOWNLOAD_ARTIFACTS  "false" = air-gapped: never download, use the mounted file
  KS_VULNDB_RETRY_SECONDS  how often to retry loading it until it is there (default 30)
  SCAN_CONCURRENCY       scans at once (default: clusterData scanConcurrency, else 1)
  SCAN_QUEUE_SIZE        scans waiting before 503 (default 100)
  PRINT_POST_JSON        "true" logs every result chunk sent
  KS_INSECURE_REGISTRIES comma-separated registries (host:port) pulled over plain HTTP, e.g. a local registry
  LOG_LEVEL              pino level (default info)`;

/** "5m", "90s", "1h" or plain seconds → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new ConfigError(`scanTimeout: expected a duration like 5m, got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * unit;
}

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const config = loadClusterConfig({ required: false });
  const credentials = loadCredentials();
  const accountId = credentials.account || config.accountID;
  const port = intFromEnv(env, "PORT", 8080);
  const concurrency = Math.max(1, intFromEnv(env, "SCAN_CONCURRENCY", Number((config as Record<string, unknown>).scanConcurrency ?? 1) || 1));
  const logger = createLogger("kubevuln");
  const reporter = new EventReceiverClient({
    baseUrl: config.keepLocal || !config.eventReceiverRestURL ? "" : withScheme(config.eventReceiverRestURL, "http"),
    accessKey: credentials.accessKey,
    logger,
  });
  const holder = new VulnDbHolder({ path: defaultDbPath(env), url: env.KS_VULNDB_URL || undefined, download: env.KS_DOWNLOAD_ARTIFACTS !== "false" }, logger);
  const scanner = new ImageScanner({
    db: holder,
    reporter,
    accountId,
    clusterName: config.clusterName,
    logger,
    limits: { maxImageBytes: config.maxImageSize, timeoutMs: parseDuration(config.scanTimeout) },
    printPostJson: env.PRINT_POST_JSON === "true",
    insecureRegistries: (env.KS_INSECURE_REGISTRIES ?? "").split(",").map((h) => h.trim()).filter(Boolean),
  });
  const queue = new ScanQueue(concurrency, intFromEnv(env, "SCAN_QUEUE_SIZE", 100));
  const { app, health } = createKubevulnApp({ logger, scanner, queue });
  health.setNotReady("vulnerability database not loaded");
  serve(app, health, logger, {
    port,
    onShutdown: async () => {
      await queue.idle();
      await reporter.flush();
      holder.close();
    },
  });
  holder.start(intFromEnv(env, "KS_VULNDB_RETRY_SECONDS", 30) * 1000, () => health.setReady());
  logger.info({ port, concurrency, eventReceiver: reporter.enabled, keepLocal: config.keepLocal }, "kubevuln started");
}
