import { intFromEnv, loadClusterConfig, loadCredentials, withScheme } from "../../common/config.ts";
import { serve } from "../../common/http/service.ts";
import { currentNamespace, type KubeConfig, loadKubeConfig } from "../../common/kube.ts";
import { createLogger } from "../../common/log.ts";
import { EventReceiverClient } from "../../common/reporter.ts";
import { loadExceptionsConfigMap, runScan } from "../scan.ts";
import { queryBool } from "./request.ts";
import { createKubescapeService } from "./server.ts";

const HELP = `ks kubescape: the posture-scan service (kubescape httphandler API)

routes: POST /v1/scan?wait=&keep= (PostScanRequest), GET /v1/status?id=, GET|DELETE /v1/results?id=&keep=&all=,
        GET /v1/metrics (scans now, Prometheus text), /livez, /readyz, /metrics, /swagger

env:
  KS_PORT                   listen port (default 8080)
  KS_MAX_QUEUED             scans waiting behind the running one before 429 (default 5)
  KS_RESULTS_KEPT           finished reports kept in memory (default 20)
  KS_REPORT_CHUNK_BYTES     largest posture-report chunk sent to the event receiver (default 2097152)
  KS_SUBMIT                 submit reports to the event receiver unless the request says otherwise
                            (default: true, false when clusterData keepLocal is true)
  KS_ENABLE_HOST_SCANNER    collect host-scanner data unless the request says otherwise (default false)
  KS_INCLUDE_NAMESPACES / KS_EXCLUDE_NAMESPACES   default namespace filters (comma separated)
  KS_EXCEPTIONS_CONFIGMAP   NAMESPACE/NAME of a ConfigMap with postureExceptionPolicy lists, read per scan
  KS_ACCOUNT                customerGUID when clusterData has no accountID
  KS_API_TOKEN              when set, /v1/* requires "Authorization: Bearer <token>"
  CONFIG, NAMESPACE, ACCESS_KEY / /etc/credentials   as every component (eventReceiverRestURL, clusterName)
  LOG_LEVEL                 pino level (default info)`;

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const config = loadClusterConfig({ required: Boolean(env.CONFIG) });
  const credentials = loadCredentials(env);
  const namespace = currentNamespace(env);
  const root = createLogger("kubescape");
  // Service-level lines carry the process job; each scan logs under its own jobId (the scan id).
  const logger = root;
  let kc: KubeConfig | undefined;
  const kubeConfig = () => (kc ??= loadKubeConfig(env));
  const eventReceiver = new EventReceiverClient({ baseUrl: config.eventReceiverRestURL ? withScheme(config.eventReceiverRestURL, "http") : "", accessKey: credentials.accessKey || undefined, logger });
  const exceptionsConfigMap = env.KS_EXCEPTIONS_CONFIGMAP?.split("/");
  const service = createKubescapeService({
    logger: root,
    eventReceiver,
    customerGUID: config.accountID || env.KS_ACCOUNT || credentials.account || "",
    clusterName: config.clusterName || env.CLUSTER_NAME || "",
    hostScannerNamespace: namespace,
    defaults: {
      // clusterData keepLocal (the chart's "don't send anything") wins unless KS_SUBMIT says otherwise.
      submit: env.KS_SUBMIT === undefined ? !config.keepLocal : queryBool(env.KS_SUBMIT),
      hostScanner: queryBool(env.KS_ENABLE_HOST_SCANNER),
      includeNamespaces: list(env.KS_INCLUDE_NAMESPACES ?? config.includeNamespaces),
      excludeNamespaces: list(env.KS_EXCLUDE_NAMESPACES ?? config.excludeNamespaces),
    },
    maxQueued: intFromEnv(env, "KS_MAX_QUEUED", 5),
    maxResultsKept: intFromEnv(env, "KS_RESULTS_KEPT", 20),
    reportChunkBytes: intFromEnv(env, "KS_REPORT_CHUNK_BYTES", 2 * 1024 * 1024),
    apiToken: env.KS_API_TOKEN || undefined,
    scan: async (req, _jobId, log) => {
      const extra = exceptionsConfigMap?.length === 2 ? await loadExceptionsConfigMap(kubeConfig(), exceptionsConfigMap[0]!, exceptionsConfigMap[1]!) : [];
      return runScan({ ...req, exceptions: [...(req.exceptions ?? []), ...extra] }, { kubeConfig, logger: log });
    },
  });
  serve(service.app, service.health, logger, {
    port: intFromEnv(env, "KS_PORT", 8080),
    onShutdown: () => eventReceiver.flush(),
  });
  service.health.setReady();
}
