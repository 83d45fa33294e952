/**
 * What a set/update/delete recurring-scan command does to the cluster, as plain objects (pure).
 * Names, labels, annotations and request bodies follow the reference operator (wire spec §1.5).
 */
import { type Command, cronJobParams } from "../../common/wire/commands.ts";
import { RECURRING_KINDS, REQUEST_BODY_KEY, type RecurringKind, TIER_LABEL } from "./kinds.ts";
import { kubescapeCronJobName, registryScanCronJobName, vulnScanCronJobName } from "./names.ts";
import { type CronJobObject, fillTemplate } from "./template.ts";

/** A command that cannot be carried out as given (reported as failed, never retried). */
export class CommandInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandInputError";
  }
}

export interface PlainConfigMap {
  name: string;
  labels: Record<string, string>;
  data: Record<string, string>;
}

export interface PlainSecret {
  name: string;
  labels: Record<string, string>;
  stringData: Record<string, string>;
}

export interface RecurringObjects {
  cronJob: CronJobObject;
  configMap: PlainConfigMap;
  secret?: PlainSecret;
}

export interface PlanContext {
  namespace: string;
  /** true when croner fires (CronJobs created suspended). */
  suspend: boolean;
  /** Deterministic names in tests. */
  nameSuffix?: () => string;
}

interface ScanV1 {
  targetType?: string;
  targetNames?: string[];
  hostScanner?: boolean;
  [k: string]: unknown;
}

/** `args.scanV1` with the reference defaults: no target → all frameworks; "" → "all". */
export function normaliseScanV1(raw: unknown): ScanV1 & { targetType: string; targetNames: string[] } {
  const scan = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { ...(raw as ScanV1) } : {}) as ScanV1;
  let names = Array.isArray(scan.targetNames) ? scan.targetNames.map((n) => (typeof n === "string" && n !== "" ? n : "all")) : [];
  let type = typeof scan.targetType === "string" ? scan.targetType : "";
  if (names.length === 0 || type === "") {
    names = names.length === 0 ? ["all"] : names;
    type = type || "Framework";
  }
  return { ...scan, targetType: type, targetNames: names };
}

function jobId(command: Command): string {
  return command.jobTracking?.jobID ?? "";
}

function objectLabels(name: string, kind: RecurringKind): Record<string, string> {
  return { app: name, [TIER_LABEL]: RECURRING_KINDS[kind].tier };
}

function bodyMap(name: string, kind: RecurringKind, body: unknown): PlainConfigMap {
  return { name, labels: objectLabels(name, kind), data: { [REQUEST_BODY_KEY]: JSON.stringify(body) } };
}

function requireSchedule(command: Command, kind: RecurringKind): string {
  const schedule = cronJobParams(command).cronTabSchedule ?? "";
  if (schedule === "" && RECURRING_KINDS[kind].scheduleRequired) {
    throw new CommandInputError(`${command.commandName}: args.jobParams.cronTabSchedule is required`);
  }
  return schedule;
}

/** Namespace from `wlid://cluster-x/namespace-<ns>/...`. */
export function namespaceOfWlid(wlid: string | undefined): string | undefined {
  return wlid ? /\/namespace-([^/]+)/.exec(wlid)?.[1] : undefined;
}

/** setKubescapeCronJob: one CronJob per target name. */
export function planSetKubescape(command: Command, template: CronJobObject, ctx: PlanContext): RecurringObjects[] {
  const schedule = requireSchedule(command, "kubescape");
  const scan = normaliseScanV1(command.args?.scanV1);
  return scan.targetNames.map((targetName) => {
    const name = kubescapeCronJobName(targetName, ctx.nameSuffix?.());
    const annotations: Record<string, string> = {
      "armo.jobid": jobId(command),
      [`armo.${scan.targetType.toLowerCase()}`]: targetName,
    };
    if (typeof scan.hostScanner === "boolean") annotations["armo.host-scanner"] = String(scan.hostScanner);
    const body = {
      commands: [
        {
          commandName: "kubescapeScan",
          jobTracking: command.jobTracking ?? {},
          args: { scanV1: { ...scan, targetNames: [targetName] } },
        },
      ],
    };
    return {
      cronJob: fillTemplate(template, { name, namespace: ctx.namespace, schedule, annotations, suspend: ctx.suspend }),
      configMap: bodyMap(name, "kubescape", body),
    };
  });
}

/** setVulnScanCronJob: the command itself, renamed `scan` and without args, becomes the body. */
export function planSetVuln(command: Command, template: CronJobObject, ctx: PlanContext): RecurringObjects {
  const schedule = requireSchedule(command, "vuln");
  const name = vulnScanCronJobName(ctx.nameSuffix?.());
  const namespace = namespaceOfWlid(command.wildWlid) ?? command.designators?.[0]?.attributes?.namespace ?? "";
  const id = jobId(command);
  const annotations: Record<string, string> = { "armo.cloud/jobid": id, "app.kubescape/job-id": id };
  if (namespace !== "") {
    annotations["armo.namespace"] = namespace;
    annotations["app.kubescape/namespace"] = namespace;
  }
  const { args: _args, ...rest } = command;
  const body = { commands: [{ ...rest, commandName: "scan" }] };
  return {
    cronJob: fillTemplate(template, { name, namespace: ctx.namespace, schedule, annotations, suspend: ctx.suspend }),
    configMap: bodyMap(name, "vuln", body),
  };
}

export interface RegistryAuth {
  registry: string;
  username: string;
  password: string;
  auth_method: string;
}

interface RegistryInfo {
  registryName?: string;
  authMethod?: { username?: string; password?: string; type?: string };
  [k: string]: unknown;
}

export function registryInfoOf(command: Command): RegistryInfo {
  const raw = command.args?.["registryInfo-v1"];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new CommandInputError(`${command.commandName}: args.registryInfo-v1 is required`);
  }
  const info = raw as RegistryInfo;
  if (typeof info.registryName !== "string" || info.registryName === "") {
    throw new CommandInputError(`${command.commandName}: args.registryInfo-v1.registryName is required`);
  }
  return info;
}

/** The ConfigMap body and credential Secret of a registry scan (credentials never in the ConfigMap). */
function registryObjects(name: string, info: RegistryInfo): { configMap: PlainConfigMap; secret?: PlainSecret } {
  const auth = info.authMethod ?? {};
  const hasCredentials = Boolean(auth.username || auth.password);
  const stored: RegistryInfo = { ...info, authMethod: { type: auth.type ?? "" } };
  if (hasCredentials) stored.secretName = name;
  const body = { commands: [{ commandName: "scanRegistry", args: { "registryInfo-v1": stored } }] };
  const configMap = bodyMap(name, "registry", body);
  if (!hasCredentials) return { configMap };
  const entries: RegistryAuth[] = [{ registry: info.registryName ?? "", username: auth.username ?? "", password: auth.password ?? "", auth_method: auth.type ?? "" }];
  return { configMap, secret: { name, labels: objectLabels(name, "registry"), stringData: { registriesAuth: JSON.stringify(entries) } } };
}

/** setRegistryScanCronJob. */
export function planSetRegistry(command: Command, template: CronJobObject, ctx: PlanContext): RecurringObjects {
  const schedule = requireSchedule(command, "registry");
  const info = registryInfoOf(command);
  const name = registryScanCronJobName(ctx.nameSuffix?.());
  const annotations = { "armo.cloud/registryname": info.registryName ?? "" };
  return {
    cronJob: fillTemplate(template, { name, namespace: ctx.namespace, schedule, annotations, suspend: ctx.suspend }),
    ...registryObjects(name, info),
  };
}

/** The object name an update/delete command addresses. */
export function targetName(command: Command): string {
  const name = cronJobParams(command).name ?? "";
  if (name === "") throw new CommandInputError(`${command.commandName}: args.jobParams.name is required`);
  return name;
}

/**
 * update*: new schedule and update annotations on the existing CronJob (pure). With croner firing
 * the CronJob stays suspended; otherwise its own suspend flag is kept.
 */
export function planUpdate(command: Command, existing: CronJobObject, cronerFires: boolean): CronJobObject {
  const schedule = cronJobParams(command).cronTabSchedule ?? "";
  if (schedule === "") throw new CommandInputError(`${command.commandName}: args.jobParams.cronTabSchedule is required`);
  const cj = structuredClone(existing);
  cj.spec.schedule = schedule;
  if (cronerFires) cj.spec.suspend = true;
  const pod = cj.spec.jobTemplate.spec?.template;
  if (pod) {
    pod.metadata ??= {};
    const id = jobId(command);
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), "armo.updatejobid": id, "app.kubescape/update-job-id": id };
  }
  return cj;
}

/** updateRegistryScanCronJob with new registry details also rewrites the body and credentials. */
export function planRegistryUpdateObjects(command: Command, name: string): { configMap: PlainConfigMap; secret?: PlainSecret } | undefined {
  if (command.args?.["registryInfo-v1"] === undefined) return undefined;
  return registryObjects(name, registryInfoOf(command));
}
