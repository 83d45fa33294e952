import { z } from "zod";

/**
 * Commands JSON sent to the operator (`/v1/triggerAction`, gateway notifications, CronJob
 * request bodies): armoapi-go `apis.Commands` (wire spec §1.2).
 *
 * Go's encoding/json binds struct fields case-insensitively (`CommandName` = `commandName`) while
 * keys of map fields (`args`, `attributes`) stay exact. `bindKeys` reproduces that: it renames
 * keys of struct-like objects to their canonical spelling and leaves maps alone.
 */

/** Renames keys that equal a canonical name ignoring case; an exact match wins, as in Go. */
export function bindKeys(value: unknown, canonical: readonly string[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const byLower = new Map(canonical.map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  const input = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(input)) {
    if (canonical.includes(key)) {
      out[key] = v;
      continue;
    }
    const target = byLower.get(key.toLowerCase());
    // An exact spelling elsewhere in the object takes precedence over a case-folded one.
    if (target !== undefined && !(target in input)) out[target] = v;
    else if (target === undefined) out[key] = v;
  }
  return out;
}

const JOB_TRACKING_KEYS = ["jobID", "parentAction", "numSeq", "timestamp", "lastActionNumber"] as const;
const DESIGNATOR_KEYS = ["designatorType", "wlid", "wildwlid", "sid", "attributes"] as const;
const COMMAND_KEYS = ["commandName", "responseID", "designators", "wlid", "wildWlid", "sid", "wildSid", "jobTracking", "args"] as const;
const CRON_PARAMS_KEYS = ["name", "cronTabSchedule", "jobName"] as const;

const stringMap = z.record(z.string(), z.string());

export const JobTrackingSchema = z.preprocess(
  (v) => bindKeys(v, JOB_TRACKING_KEYS),
  z
    .object({
      jobID: z.string().optional(),
      parentAction: z.string().optional(),
      numSeq: z.number().int().optional(),
      timestamp: z.string().optional(),
      lastActionNumber: z.number().int().optional(),
    })
    .loose(),
);
export type JobTracking = z.infer<typeof JobTrackingSchema>;

export const DesignatorSchema = z.preprocess(
  (v) => bindKeys(v, DESIGNATOR_KEYS),
  z
    .object({
      designatorType: z.string().default("Attributes"),
      wlid: z.string().optional(),
      wildwlid: z.string().optional(),
      sid: z.string().optional(),
      // Attribute values are strings in Go; numbers/bools are tolerated and stringified.
      attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
    })
    .loose(),
);
export type Designator = z.infer<typeof DesignatorSchema>;

/** `args.jobParams` (`CronJobParams`): the recurring-scan name and its cron schedule. */
export const CronJobParamsSchema = z.preprocess(
  (v) => bindKeys(v, CRON_PARAMS_KEYS),
  z.object({ name: z.string().optional(), cronTabSchedule: z.string().optional(), jobName: z.string().optional() }).loose(),
);
export type CronJobParams = z.infer<typeof CronJobParamsSchema>;

export const CommandSchema = z.preprocess(
  (v) => bindKeys(v, COMMAND_KEYS),
  z
    .object({
      commandName: z.string().min(1, "commandName is required"),
      responseID: z.string().optional(),
      designators: z.array(DesignatorSchema).optional(),
      wlid: z.string().optional(),
      wildWlid: z.string().optional(),
      sid: z.string().optional(),
      wildSid: z.string().optional(),
      jobTracking: JobTrackingSchema.optional(),
      // Map keys stay exact (`scanV1`, `registryInfo-v1`, `jobParams`, ...).
      args: z.record(z.string(), z.unknown()).nullish().transform((a) => a ?? undefined),
    })
    .loose(),
);
export type Command = z.infer<typeof CommandSchema>;

export const CommandsSchema = z.preprocess(
  (v) => bindKeys(v, ["commands"]),
  z.object({ commands: z.array(CommandSchema).min(1, "commands must hold at least one command") }).loose(),
);
export type Commands = z.infer<typeof CommandsSchema>;

export type ParsedCommands = { ok: true; value: Commands } | { ok: false; field: string; message: string };

/** Parses a Commands document; on failure names the first offending field (e.g. `commands.0.commandName`). */
export function parseCommands(input: unknown): ParsedCommands {
  const r = CommandsSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  return { ok: false, field, message: `${field}: ${issue?.message ?? "invalid"}` };
}

/** The command's id as Go's `Command.GetID()`: designators first, then wildWlid, wildSid, wlid, sid. */
export function commandId(command: Command): string {
  if (command.designators && command.designators.length > 0) return "designators";
  return command.wildWlid || command.wildSid || command.wlid || command.sid || "";
}

/** `args.jobParams`, parsed leniently (absent → empty). */
export function cronJobParams(command: Command): CronJobParams {
  const r = CronJobParamsSchema.safeParse(command.args?.jobParams ?? {});
  return r.success ? r.data : {};
}

/** Shared string map type (designator attributes, gateway targets). */
export const StringMapSchema = stringMap;
