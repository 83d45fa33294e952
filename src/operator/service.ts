/** `ks operator` wiring: triggerAction route, worker pool, gateway client, croner mirror, reports. */
import { randomUUID } from "node:crypto";
import { HttpError } from "../common/errors.ts";
import { createServiceApp, serve, type RunningService } from "../common/http/service.ts";
import type { KubeConfig } from "../common/kube.ts";
import { type Logger, withJob } from "../common/log.ts";
import { EventReceiverClient } from "../common/reporter.ts";
import type { Command, Commands } from "../common/wire/commands.ts";
import type { Job, OperatorContext, RecurringSchedulerMode } from "./context.ts";
import { runJob } from "./dispatch.ts";
import { serviceBase } from "./downstream.ts";
import { GatewayCommandClient } from "./gatewayClient.ts";
import { JobReporter } from "./jobReports.ts";
import { RecurringStore } from "./recurring/store.ts";
import { RecurringScheduler } from "./scheduler.ts";
import { checkTriggerBody } from "./triggerAction.ts";
import { WorkerPool } from "./workerPool.ts";

export interface OperatorOptions {
  logger: Logger;
  kube: KubeConfig;
  namespace: string;
  clusterName: string;
  accountID: string;
  accessKey?: string;
  excludedNamespaces?: string[];
  kubescapeURL: string;
  kubevulnURL: string;
  eventReceiverURL?: string;
  /** Empty: no gateway connection. */
  gatewayWebsocketURL?: string;
  recurringScheduler: RecurringSchedulerMode;
  port: number;
  readinessPort?: number;
  hostname?: string;
  workerConcurrency?: number;
  queueLimit?: number;
  statusPollMs?: number;
  scanTimeoutMs?: number;
  retryDelayMs?: number;
  resyncMs?: number;
  handleSignals?: boolean;
}

export interface RunningOperator {
  port: number;
  url: string;
  scheduler: RecurringScheduler;
  pool: WorkerPool<Job>;
  gateway?: GatewayCommandClient;
  reports?: EventReceiverClient;
  stop(): Promise<void>;
}

export async function startOperator(options: OperatorOptions): Promise<RunningOperator> {
  const { logger } = options;
  const reports = options.eventReceiverURL
    ? new EventReceiverClient({ baseUrl: options.eventReceiverURL, accessKey: options.accessKey, logger: logger.child({ part: "reports" }) })
    : undefined;
  const store = new RecurringStore(options.kube, options.namespace, logger);
  let scheduler: RecurringScheduler | undefined;
  const context: OperatorContext = {
    clusterName: options.clusterName,
    accountID: options.accountID,
    namespace: options.namespace,
    excludedNamespaces: options.excludedNamespaces ?? [],
    kubescapeUrl: serviceBase(options.kubescapeURL),
    kubevulnUrl: serviceBase(options.kubevulnURL),
    kube: options.kube,
    store,
    reporter: new JobReporter(reports, options.accountID, options.clusterName),
    recurringScheduler: options.recurringScheduler,
    statusPollMs: options.statusPollMs ?? 40_000,
    scanTimeoutMs: options.scanTimeoutMs ?? 2 * 60 * 60 * 1000,
    retryDelayMs: options.retryDelayMs ?? 5000,
    onRecurringChanged: () => void scheduler?.rebuild().catch((err) => logger.error({ err: (err as Error).message }, "schedule rebuild failed")),
  };
  const { app, health, metrics } = createServiceApp({ component: "operator", logger, bodyLimit: 4 * 1024 * 1024, description: "Runs Kubescape commands" });
  const commandsCounter = metrics.counter<"command" | "outcome">("ks_operator_commands_total", "Commands run, by name and outcome", ["command", "outcome"]);
  const pool = new WorkerPool<Job>(options.workerConcurrency ?? 3, options.queueLimit ?? 1000, async (job) => {
    const outcome = await runJob(context, job);
    commandsCounter.inc({ command: job.command.commandName, outcome: outcome.ok ? "success" : "failure" });
  });

  const toJob = (command: Command, source: string): Job => {
    const jobID = command.jobTracking?.jobID || randomUUID();
    return { command, jobID, logger: withJob(logger, jobID, command.jobTracking?.parentAction).child({ source }) };
  };
  /** Queues every command of a document, or none when they do not all fit. */
  const enqueue = (commands: Commands, source: string): boolean => {
    if (!pool.hasRoom(commands.commands.length)) {
      logger.warn({ source, commands: commands.commands.length }, "command queue full; refused");
      return false;
    }
    for (const command of commands.commands) pool.submit(toJob(command, source));
    return true;
  };

  app.post(
    "/v1/triggerAction",
    async ({ request, set }) => {
      const check = checkTriggerBody(await request.text());
      if (!check.ok) throw new HttpError(400, check.message, { field: check.field });
      if (!enqueue(check.commands, "triggerAction")) throw new HttpError(503, "command queue is full; retry later");
      set.headers["content-type"] = "text/plain";
      return "ok";
    },
    { parse: "none", detail: { tags: ["operator"], summary: "Queue a Commands document ({commands:[{commandName, args, ...}]}); 200 ok, then runs asynchronously" } },
  );
  for (const method of ["GET", "PUT", "DELETE", "PATCH"] as const) {
    app.route(method, "/v1/triggerAction", ({ set }) => {
      set.status = 405;
      return { error: "method not allowed", message: `method '${method}' not allowed` };
    });
  }
  app.get("/v1/recurring", () => scheduler?.list() ?? [], { detail: { tags: ["operator"], summary: "Recurring scans mirrored from CronJobs, with next run and who fires them" } });

  scheduler = new RecurringScheduler({ store, mode: options.recurringScheduler, logger: logger.child({ part: "scheduler" }), fire: (commands, name) => enqueue(commands, `croner:${name}`), resyncMs: options.resyncMs });
  try {
    await scheduler.start();
  } catch (err) {
    // The API server may be briefly unreachable: serve anyway, the resync retries.
    logger.error({ err: (err as Error).message }, "could not read recurring CronJobs at start; will retry");
  }

  let gateway: GatewayCommandClient | undefined;
  if (options.gatewayWebsocketURL) {
    gateway = new GatewayCommandClient({
      gatewayUrl: options.gatewayWebsocketURL,
      customerGUID: options.accountID,
      clusterName: options.clusterName,
      apiKey: options.accessKey,
      logger: logger.child({ part: "gateway" }),
      onCommands: (commands) => void enqueue(commands, "gateway"),
    });
    gateway.start();
  }

  let running: RunningService | undefined;
  running = serve(app, health, logger, {
    port: options.port,
    hostname: options.hostname,
    readinessPort: options.readinessPort,
    handleSignals: options.handleSignals,
    onShutdown: async () => {
      gateway?.stop();
      scheduler?.stop();
      await Promise.race([pool.idle(), Bun.sleep(5000)]);
      await Promise.race([reports?.flush(), Bun.sleep(3000)]);
    },
  });
  health.setReady();
  logger.info({ port: running.port, recurringScheduler: options.recurringScheduler, namespace: options.namespace }, "operator ready");
  return { port: running.port, url: running.url, scheduler, pool, gateway, reports, stop: () => running!.stop() };
}
