import { hostname } from "node:os";
import { intFromEnv, loadClusterConfig, loadCredentials, withScheme } from "../common/config.ts";
import { ConfigError } from "../common/errors.ts";
import { createServiceApp, serve } from "../common/http/service.ts";
import { currentNamespace, loadKubeConfig } from "../common/kube.ts";
import { createLogger, withJob } from "../common/log.ts";
import { Gauge } from "prom-client";
import { Kollector } from "./kollector.ts";

const HELP = `ks kollector: live cluster inventory for the event receiver

Lists and watches namespaces, nodes, pods, services, secrets (metadata only) and workloads,
streams them to <eventReceiverWebsocketURL>/k8s/cluster-reports, and (optionally) asks the
gateway to scan images the cluster had not run before. One active instance per cluster (Lease).

config: CONFIG (clusterData.json: accountID, clusterName, eventReceiverWebsocketURL or
        eventReceiverRestURL, gatewayRestURL, triggerNewImageScan), /etc/credentials
env:    READINESS_PORT (8000), NAMESPACE, ACTIVATE_CVE_SCAN_ON_NEW_IMAGE_FEATURE (true/false),
        WAIT_BEFORE_REPORT (seconds before the first report), POD_NAME (lease identity),
        PRINT_REPORT (log every message sent)`;

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
    printReport: (env.PRINT_REPORT ?? "").toLowerCase() === "true",
  });
  const { app, health, metrics } = createServiceApp({ component: "kollector", logger });
  const figure = (name: string, help: string, value: () => number) =>
    new Gauge({ name, help, registers: [metrics.registry], collect() { this.set(value()); } });
  figure("ks_kollector_leader", "1 while this instance holds the lease and reports", () => (kollector.lease.isLeader ? 1 : 0));
  figure("ks_kollector_watched_objects", "Objects currently known from the watches", () => kollector.watchers.reduce((n, w) => n + w.size, 0));
  figure("ks_kollector_lists_total", "Lists and relists (410 Gone) done by the watches", () => kollector.watchers.reduce((n, w) => n + w.lists, 0));
  figure("ks_kollector_report_messages_total", "Websocket messages sent to the event receiver", () => kollector.socket.messagesSent);
  figure("ks_kollector_full_reports_total", "Full reports sent (one per connection)", () => kollector.socket.fullReports);
  figure("ks_kollector_scan_requests_total", "Scan commands sent for new images", () => kollector.images?.sent ?? 0);
  serve(app, health, logger, {
    port: intFromEnv(env, "READINESS_PORT", 8000),
    onShutdown: () => kollector.stop(),
  });
  const wait = intFromEnv(env, "WAIT_BEFORE_REPORT", 0);
  if (wait > 0) await Bun.sleep(wait * 1000);
  await kollector.start();
  health.setReady();
}
