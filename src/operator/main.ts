import { intFromEnv, loadClusterConfig, loadCredentials } from "../common/config.ts";
import { ConfigError } from "../common/errors.ts";
import { currentNamespace, loadKubeConfig } from "../common/kube.ts";
import { createLogger } from "../common/log.ts";
import { startOperator } from "./service.ts";

const HELP = `ks operator: runs Kubescape commands (scans, recurring scans) from the gateway, CronJobs or REST

POST /v1/triggerAction with {"commands":[{"commandName":"kubescapeScan","args":{"scanV1":{}}}]}
→ 200 ok, then the command runs in a worker pool. Commands: kubescapeScan, runKubescapeJob, scan,
scanRegistry, set|update|delete KubescapeCronJob|VulnScanCronJob|RegistryScanCronJob.

env:
  PORT                  REST port (default 4002)
  READINESS_PORT        health port (default 8000)
  NAMESPACE             where recurring CronJobs, templates and ConfigMaps live (default kubescape)
  CONFIG                clusterData.json (default /etc/config/clusterData.json): clusterName,
                        accountID, kubescapeURL, kubevulnURL, gatewayWebsocketURL ("" = no gateway),
                        eventReceiverRestURL ("" = no job reports)
  CREDENTIALS_DIR       /etc/credentials (account, accessKey) or ACCOUNT_ID / ACCESS_KEY
  RECURRING_SCHEDULER   cronjob (default: Kubernetes fires the CronJobs) or croner (the operator
                        fires them in-process; the CronJobs are kept suspended)
  WORKER_CONCURRENCY    commands run at once (default 3)
  QUEUE_LIMIT           commands waiting before triggerAction answers 503 (default 1000)
  STATUS_POLL_MS        kubescape scan status poll interval (default 40000)
  KUBECONFIG            outside a cluster
  LOG_LEVEL             pino level (default info)`;

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const config = loadClusterConfig({ required: Boolean(env.CONFIG) });
  const credentials = loadCredentials(env);
  const mode = (env.RECURRING_SCHEDULER || "cronjob").toLowerCase();
  if (mode !== "cronjob" && mode !== "croner") throw new ConfigError(`RECURRING_SCHEDULER: expected cronjob or croner, got "${mode}"`);
  const logger = createLogger("operator");
  await startOperator({
    logger,
    kube: loadKubeConfig(env),
    namespace: currentNamespace(env),
    clusterName: config.clusterName,
    accountID: config.accountID || credentials.account,
    accessKey: credentials.accessKey || undefined,
    excludedNamespaces: (config.excludeNamespaces ?? "").split(",").map((n) => n.trim()).filter(Boolean),
    kubescapeURL: config.kubescapeURL,
    kubevulnURL: config.kubevulnURL,
    eventReceiverURL: config.eventReceiverRestURL || undefined,
    gatewayWebsocketURL: config.gatewayWebsocketURL || undefined,
    recurringScheduler: mode,
    port: intFromEnv(env, "PORT", 4002),
    readinessPort: intFromEnv(env, "READINESS_PORT", 8000),
    workerConcurrency: Math.max(1, intFromEnv(env, "WORKER_CONCURRENCY", 3)),
    queueLimit: Math.max(1, intFromEnv(env, "QUEUE_LIMIT", 1000)),
    statusPollMs: intFromEnv(env, "STATUS_POLL_MS", 40_000),
  });
}
