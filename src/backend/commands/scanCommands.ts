import type { Command } from "../../common/wire/commands.ts";
import type { Schedule, ScheduleKind } from "../store/types.ts";

/**
 * Commands the dashboard sends to a cluster's operator through the master gateway (wire spec
 * §1.2, §1.5). Pure: ids and time come in as arguments.
 */

export type ScheduleOp = "set" | "update" | "delete";

const CRON_COMMAND: Record<ScheduleKind, string> = { posture: "KubescapeCronJob", image: "VulnScanCronJob", registry: "RegistryScanCronJob" };

/** The in-cluster gateway client the operator registers as (wire spec §1.7). */
export const OPERATOR_COMPONENT = "InClusterTriggerHandler";

export interface ScanTarget {
  frameworks?: string[];
  namespace?: string;
  registryName?: string;
  hostScanner?: boolean;
}

const clusterWildWlid = (cluster: string, namespace?: string) => `wlid://cluster-${cluster}/${namespace ? `namespace-${namespace}/` : ""}`;

function targetArgs(kind: ScheduleKind, cluster: string, target: ScanTarget): Pick<Command, "args" | "designators" | "wildWlid"> {
  switch (kind) {
    case "posture": {
      const names = target.frameworks?.length ? target.frameworks : ["all"];
      return {
        wildWlid: clusterWildWlid(cluster),
        args: { scanV1: { targetType: "Framework", targetNames: names, ...(target.hostScanner !== undefined ? { hostScanner: target.hostScanner } : {}) } },
      };
    }
    case "image":
      return {
        wildWlid: clusterWildWlid(cluster, target.namespace),
        designators: [{ designatorType: "Attributes", attributes: { cluster, ...(target.namespace ? { namespace: target.namespace } : {}) } }],
        args: {},
      };
    case "registry":
      return { args: { "registryInfo-v1": { registryName: target.registryName ?? "" } } };
  }
}

/** set/update/delete of a recurring scan: the operator turns it into a CronJob + ConfigMap. */
export function scheduleCommand(op: ScheduleOp, schedule: Pick<Schedule, "kind" | "cluster" | "cron" | "cronjobName" | "target">, jobId: string, now: Date): Command {
  const base = targetArgs(schedule.kind, schedule.cluster, schedule.target as ScanTarget);
  const jobParams = { name: schedule.cronjobName, cronTabSchedule: op === "delete" ? "" : schedule.cron };
  const args: Record<string, unknown> = { ...(base.args ?? {}), jobParams };
  // Older operators read the posture schedule from kubescapeJobParams (README era).
  if (schedule.kind === "posture") args.kubescapeJobParams = jobParams;
  return {
    commandName: `${op}${CRON_COMMAND[schedule.kind]}`,
    ...(base.wildWlid ? { wildWlid: base.wildWlid } : {}),
    ...(base.designators ? { designators: base.designators } : {}),
    jobTracking: { jobID: jobId, timestamp: now.toISOString() },
    args,
  } as Command;
}

/** "Scan now": a one-off posture, image or registry scan. */
export function scanNowCommand(kind: ScheduleKind, cluster: string, target: ScanTarget, jobId: string, now: Date): Command {
  const base = targetArgs(kind, cluster, target);
  const commandName = kind === "posture" ? "kubescapeScan" : kind === "image" ? "scan" : "scanRegistry";
  return {
    commandName,
    ...(base.wildWlid ? { wildWlid: base.wildWlid } : {}),
    ...(base.designators ? { designators: base.designators } : {}),
    jobTracking: { jobID: jobId, timestamp: now.toISOString() },
    args: base.args,
  } as Command;
}

/** The gateway envelope addressed to one cluster's operator. */
export function operatorEnvelope(account: string, cluster: string, commands: Command[]) {
  return {
    target: { customerGUID: account, clusterName: cluster, clusterComponent: OPERATOR_COMPONENT, dest: "trigger" },
    sendSynchronicity: false,
    notification: { commands },
  };
}

/** A CronJob name the operator can keep (≤52 chars, lower-case, [a-z0-9-]). */
export function cronJobNameFor(kind: ScheduleKind, scheduleId: string, target: ScanTarget): string {
  const prefix = kind === "posture" ? `ks-scheduled-scan-${(target.frameworks ?? ["all"]).join("-")}` : kind === "image" ? "kubevuln-schedule" : "kubescape-registry-scan";
  const raw = `${prefix}-${scheduleId.slice(0, 8)}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return raw.slice(0, 52).replace(/-+$/, "");
}
