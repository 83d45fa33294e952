import type { KubeConfig } from "../common/kube.ts";
import type { Logger } from "../common/log.ts";
import type { Command } from "../common/wire/commands.ts";
import type { JobReporter } from "./jobReports.ts";
import type { RecurringStore } from "./recurring/store.ts";

export type RecurringSchedulerMode = "cronjob" | "croner";

/** Everything a command handler may use; I/O is injected so handlers stay testable. */
export interface OperatorContext {
  clusterName: string;
  accountID: string;
  namespace: string;
  /** Namespaces a cluster-wide image scan skips (clusterData excludeNamespaces). */
  excludedNamespaces: string[];
  kubescapeUrl: string;
  kubevulnUrl: string;
  kube: KubeConfig;
  store: RecurringStore;
  reporter: JobReporter;
  recurringScheduler: RecurringSchedulerMode;
  /** How often kubescape's scan status is polled. */
  statusPollMs: number;
  /** Give up polling a kubescape scan after this long. */
  scanTimeoutMs: number;
  /** Downstream retry delay on connection errors. */
  retryDelayMs: number;
  /** Called after recurring CronJobs change, so the croner mirror follows at once. */
  onRecurringChanged: () => void;
}

/** One command in flight: the command, its job id and a logger carrying them. */
export interface Job {
  command: Command;
  jobID: string;
  logger: Logger;
}
