/**
 * The in-process mirror of the recurring-scan CronJobs (label `armo.tier`), rebuilt from the
 * cluster on start, after each change the operator makes, and every `resyncMs`.
 *
 * Who fires is decided once, by RECURRING_SCHEDULER:
 *  - `cronjob` (default): Kubernetes fires; the mirror stays paused (it only knows next runs).
 *  - `croner`: the mirror fires; every recurring CronJob is kept `suspend: true`, so a scan
 *    never fires from both.
 */
import { Cron } from "croner";
import type { Logger } from "../common/log.ts";
import { type Commands, parseCommands } from "../common/wire/commands.ts";
import type { RecurringSchedulerMode } from "./context.ts";
import { REQUEST_BODY_KEY } from "./recurring/kinds.ts";
import type { RecurringStore } from "./recurring/store.ts";
import { type CronJobObject, requestBodyConfigMap } from "./recurring/template.ts";

/** Marks CronJobs the operator suspended for croner, so switching back un-suspends only those. */
export const SUSPENDED_BY_ANNOTATION = "kubescape.io/suspended-by";
const SUSPENDED_BY_VALUE = "operator-croner";

export interface ScheduleEntry {
  name: string;
  schedule: string;
  bodyConfigMap?: string;
  nextRun: string | null;
  firing: boolean;
}

export interface SchedulerOptions {
  store: RecurringStore;
  mode: RecurringSchedulerMode;
  logger: Logger;
  /** Hands a fired scan's commands to the worker pool. */
  fire: (commands: Commands, cronJobName: string) => void;
  resyncMs?: number;
}

interface Entry {
  schedule: string;
  zone: string;
  bodyConfigMap?: string;
  cron: Cron;
}

export class RecurringScheduler {
  private readonly entries = new Map<string, Entry>();
  private resyncTimer?: ReturnType<typeof setInterval>;
  private rebuilding?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  async start(): Promise<void> {
    await this.rebuild();
    this.resyncTimer = setInterval(() => void this.rebuild().catch((err) => this.options.logger.error({ err: (err as Error).message }, "schedule resync failed")), this.options.resyncMs ?? 60_000);
    this.resyncTimer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.resyncTimer);
    for (const e of this.entries.values()) e.cron.stop();
    this.entries.clear();
  }

  list(): ScheduleEntry[] {
    return [...this.entries].map(([name, e]) => ({
      name,
      schedule: e.schedule,
      bodyConfigMap: e.bodyConfigMap,
      nextRun: e.cron.nextRun()?.toISOString() ?? null,
      firing: this.options.mode === "croner",
    }));
  }

  /** Re-reads the CronJobs; concurrent calls coalesce into one more pass. */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.again = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      do {
        this.again = false;
        await this.rebuildOnce();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  private async rebuildOnce(): Promise<void> {
    if (this.stopped) return;
    const cronJobs = await this.options.store.listRecurring();
    await this.alignSuspension(cronJobs);
    const seen = new Set<string>();
    for (const cj of cronJobs) {
      const name = cj.metadata.name;
      if (!name) continue;
      seen.add(name);
      const schedule = cj.spec.schedule;
      const bodyConfigMap = requestBodyConfigMap(cj);
      const current = this.entries.get(name);
      const zone = typeof cj.spec.timeZone === "string" ? cj.spec.timeZone : "";
      if (current && current.schedule === schedule && current.bodyConfigMap === bodyConfigMap && current.zone === zone) continue;
      current?.cron.stop();
      try {
        // Like the CronJob controller: spec.timeZone when set, else UTC (the controller's usual zone).
        const timezone = typeof cj.spec.timeZone === "string" && cj.spec.timeZone !== "" ? cj.spec.timeZone : "Etc/UTC";
        const cron = new Cron(schedule, { name: `recurring:${name}:${Date.now()}`, paused: this.options.mode !== "croner", protect: true, catch: true, unref: true, timezone }, () =>
          this.fireEntry(name),
        );
        this.entries.set(name, { schedule, zone, bodyConfigMap, cron });
      } catch (err) {
        this.entries.delete(name);
        this.options.logger.warn({ cronJob: name, schedule, err: (err as Error).message }, "schedule not understood; not mirrored");
      }
    }
    for (const [name, e] of this.entries) {
      if (!seen.has(name)) {
        e.cron.stop();
        this.entries.delete(name);
      }
    }
  }

  /** croner mode: suspend every recurring CronJob; cronjob mode: resume those we suspended. */
  private async alignSuspension(cronJobs: CronJobObject[]): Promise<void> {
    for (const cj of cronJobs) {
      const annotations = cj.metadata.annotations ?? {};
      const ours = annotations[SUSPENDED_BY_ANNOTATION] === SUSPENDED_BY_VALUE;
      let change: "suspend" | "resume" | undefined;
      if (this.options.mode === "croner" && cj.spec.suspend !== true) change = "suspend";
      if (this.options.mode === "cronjob" && cj.spec.suspend === true && ours) change = "resume";
      if (!change) continue;
      const updated = structuredClone(cj);
      updated.spec.suspend = change === "suspend";
      updated.metadata.annotations = { ...annotations };
      if (change === "suspend") updated.metadata.annotations[SUSPENDED_BY_ANNOTATION] = SUSPENDED_BY_VALUE;
      else delete updated.metadata.annotations[SUSPENDED_BY_ANNOTATION];
      try {
        await this.options.store.replaceCronJob(updated);
        this.options.logger.info({ cronJob: cj.metadata.name, change }, "aligned CronJob with the recurring scheduler");
      } catch (err) {
        this.options.logger.warn({ cronJob: cj.metadata.name, err: (err as Error).message }, "could not align CronJob suspension");
      }
    }
  }

  private async fireEntry(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry?.bodyConfigMap) {
      this.options.logger.warn({ cronJob: name }, "recurring scan has no request-body ConfigMap");
      return;
    }
    const text = await this.options.store.readConfigMapKey(entry.bodyConfigMap, REQUEST_BODY_KEY);
    if (text === undefined) {
      this.options.logger.warn({ cronJob: name, configMap: entry.bodyConfigMap }, "request body missing; scan skipped");
      return;
    }
    let parsed: ReturnType<typeof parseCommands>;
    try {
      parsed = parseCommands(JSON.parse(text));
    } catch (err) {
      parsed = { ok: false, field: "body", message: (err as Error).message };
    }
    if (!parsed.ok) {
      this.options.logger.warn({ cronJob: name, problem: parsed.message }, "request body is not a Commands document; scan skipped");
      return;
    }
    this.options.logger.info({ cronJob: name }, "croner fired recurring scan");
    this.options.fire(parsed.value, name);
  }
}
