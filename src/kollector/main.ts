import { hostname } from "node:os";
import { intFromEnv, loadClusterConfig, loadCredentials, withScheme } from "../common/config.ts";
import { ConfigError } from "../common/errors.ts";
import { createServiceApp, serve } from "../common/http/service.ts";
import { currentNamespace, loadKubeConfig } from "../common/kube.ts";
import { createLogger, withJob } from "../common/log.ts";
import { Kollector } from "./kollector.ts";

const HELP = `ks kollector: live cluster inventory for the event receiver

Lists and watches namespaces, nodes, pods, services, secrets (metadata only) and workloads,
streams them to <eventReceiverWebsocketURL>/k8s/cluster-reports, and (optionally) asks the
gateway to scan images the cluster had not run before. One active instance per cluster (Lease).

config: CONFIG (clusterData.json: accountID, clusterName, eventReceiverWebsocketURL or
        eventReceiverRestURL, gatewayRestURL, triggerNewImageScan), /etc/credentials
env:    READINESS_PORT (8000), NAMESPACE, ACTIVATE_CVE_SCAN_ON_NEW_IMAGE_FEATURE (true/false),
        WAIT_BEFORE_REPORT (seconds before the first report), POD_NAME (lease identity)`;

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const config = loadClusterConfig({ required: false });
  const creds = loadCredentials();
  const account = creds.account || config.accountID;
  const receiver = config.eventReceiverWebsocketURL || config.eventReceiverRestURL;
  if (!receiver) throw new ConfigError("eventReceiverWebsocketURL (or eventReceiverRestURL) is required");
  if (!config.clusterName) throw new ConfigError("clusterName is required");
  const namespace = currentNamespace();
  const identity = env.POD_NAME || `${hostname()}-${process.pid}`;
  const logger = withJob(createLogger("kollector"), `kollector-${identity}`);
  const triggerNewImageScan = config.triggerNewImageScan || (env.ACTIVATE_CVE_SCAN_ON_NEW_IMAGE_FEATURE ?? "").toLowerCase() === "true";
  const kollector = new Kollector({
    kc: loadKubeConfig(),
    logger,
    account,
    clusterName: config.clusterName,
    namespace,
    eventReceiverWsUrl: withScheme(receiver, "ws"),
    accessKey: creds.accessKey,
    gatewayRestUrl: withScheme(config.gatewayRestURL, "http"),
    triggerNewImageScan,
    installationData: { namespace: config.namespace, clusterProvider: config.clusterProvider },
    identity,
  });
  const { app, health } = createServiceApp({ component: "kollector", logger });
  serve(app, health, logger, {
    port: intFromEnv(env, "READINESS_PORT", 8000),
    onShutdown: () => kollector.stop(),
  });
  const wait = intFromEnv(env, "WAIT_BEFORE_REPORT", 0);
  if (wait > 0) await Bun.sleep(wait * 1000);
  await kollector.start();
  health.setReady();
}
