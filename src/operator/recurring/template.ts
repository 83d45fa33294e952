/**
 * CronJob templates for recurring scans: the chart's template ConfigMaps (key `cronjobTemplate`)
 * or, when a cluster lacks them, a built-in copy of what the chart renders with default values.
 * Filling a template is pure.
 */
import { parse as parseYaml } from "yaml";
import { VERSION } from "../../common/version.ts";
import { REQUEST_BODY_VOLUME, RECURRING_KINDS, type RecurringKind, TIER_LABEL } from "./kinds.ts";

/** The parts of a batch/v1 CronJob the operator reads or writes (the rest passes through). */
export interface CronJobObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec: {
    schedule: string;
    suspend?: boolean;
    jobTemplate: {
      spec?: {
        template?: {
          metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
          spec?: { volumes?: Array<{ name: string; configMap?: { name: string; [k: string]: unknown }; [k: string]: unknown }>; [k: string]: unknown };
        };
        [k: string]: unknown;
      };
    };
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

const BUILTIN: Record<RecurringKind, { name: string; container: string; schedule: string }> = {
  kubescape: { name: "ks-scheduled-scan", container: "kubescape-scheduler", schedule: "0 8 * * *" },
  vuln: { name: "kubevuln-schedule", container: "kubevuln-scheduler", schedule: "0 0 * * *" },
  registry: { name: "kubescape-registry-scan", container: "registry-scheduler", schedule: "0 0 * * *" },
};

export interface BuiltinTemplateOptions {
  namespace: string;
  image?: string;
  release?: string;
  operatorHost?: string;
}

/** The chart's `ks.scanCronJob` as rendered with default values (kept in step with the chart). */
export function builtinTemplate(kind: RecurringKind, options: BuiltinTemplateOptions): CronJobObject {
  const b = BUILTIN[kind];
  const tier = RECURRING_KINDS[kind].tier;
  const release = options.release ?? "kubescape";
  const nonRoot = { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532 };
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: {
      name: b.name,
      namespace: options.namespace,
      labels: {
        app: b.name,
        tier: "ks-control-plane",
        "app.kubernetes.io/part-of": "kubescape",
        "app.kubernetes.io/instance": release,
        [TIER_LABEL]: tier,
        "kubescape.io/tier": "core",
      },
    },
    spec: {
      schedule: b.schedule,
      suspend: false,
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          activeDeadlineSeconds: 600,
          ttlSecondsAfterFinished: 86400,
          template: {
            metadata: {
              labels: {
                app: b.name,
                [TIER_LABEL]: tier,
                "kubescape.io/tier": "core",
                "app.kubernetes.io/name": b.name,
                "app.kubernetes.io/instance": release,
                "app.kubernetes.io/part-of": "kubescape",
                tier: "ks-control-plane",
              },
            },
            spec: {
              restartPolicy: "Never",
              serviceAccountName: "ks-scheduler",
              automountServiceAccountToken: false,
              enableServiceLinks: false,
              securityContext: { ...nonRoot, fsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } },
              containers: [
                {
                  name: b.container,
                  image: options.image ?? `ghcr.io/kubescape-ts/ks:${VERSION}`,
                  imagePullPolicy: "IfNotPresent",
                  args: [
                    "http-request",
                    "-method=POST",
                    "-scheme=http",
                    `-host=${options.operatorHost ?? "operator:4002"}`,
                    "-path=v1/triggerAction",
                    "-headers=Content-Type:application/json",
                    "-path-body=/home/ks/request-body.json",
                  ],
                  env: [{ name: "HOME", value: "/home/ks" }],
                  resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
                  securityContext: {
                    ...nonRoot,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    allowPrivilegeEscalation: false,
                    capabilities: { drop: ["ALL"] },
                    seccompProfile: { type: "RuntimeDefault" },
                  },
                  volumeMounts: [
                    { name: REQUEST_BODY_VOLUME, mountPath: "/home/ks/request-body.json", subPath: "request-body.json", readOnly: true },
                    { name: "tmp", mountPath: "/tmp" },
                  ],
                },
              ],
              volumes: [
                { name: REQUEST_BODY_VOLUME, configMap: { name: "request-body-placeholder" } },
                { name: "tmp", emptyDir: { sizeLimit: "16Mi" } },
              ],
            },
          },
        },
      },
    },
  };
}

/** Parses a `cronjobTemplate` value; throws naming the problem. */
export function parseTemplate(text: string, source: string): CronJobObject {
  const doc = parseYaml(text) as unknown;
  if (typeof doc !== "object" || doc === null) throw new Error(`${source}: cronjobTemplate is not a YAML object`);
  const cj = doc as CronJobObject;
  if (!cj.spec?.jobTemplate?.spec?.template) throw new Error(`${source}: cronjobTemplate has no spec.jobTemplate.spec.template`);
  cj.metadata ??= {};
  return cj;
}

export interface FillOptions {
  name: string;
  namespace: string;
  /** Empty keeps the template's schedule. */
  schedule?: string;
  /** Pod-template annotations to set. */
  annotations: Record<string, string>;
  /** `true` when croner fires the scan: the CronJob must never fire as well. */
  suspend: boolean;
}

/** Fills a template the way the reference operator does (§1.5). Pure: returns a new object. */
export function fillTemplate(template: CronJobObject, options: FillOptions): CronJobObject {
  const cj = structuredClone(template);
  cj.apiVersion ??= "batch/v1";
  cj.kind ??= "CronJob";
  const { creationTimestamp: _c, resourceVersion: _r, uid: _u, managedFields: _m, ...metadata } = cj.metadata as Record<string, unknown>;
  cj.metadata = { ...(metadata as CronJobObject["metadata"]), name: options.name, namespace: options.namespace };
  cj.metadata.labels = { ...(cj.metadata.labels ?? {}), app: options.name };
  if (options.schedule) cj.spec.schedule = options.schedule;
  cj.spec.suspend = options.suspend;
  const pod = cj.spec.jobTemplate.spec!.template!;
  pod.metadata ??= {};
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), ...options.annotations };
  pod.spec ??= {};
  const volumes = pod.spec.volumes ?? [];
  const body = volumes.find((v) => v.name === REQUEST_BODY_VOLUME);
  if (body) body.configMap = { ...(body.configMap ?? {}), name: options.name };
  else volumes.push({ name: REQUEST_BODY_VOLUME, configMap: { name: options.name } });
  pod.spec.volumes = volumes;
  delete (cj as { status?: unknown }).status;
  return cj;
}

/** The ConfigMap name a CronJob's request-body volume points at. */
export function requestBodyConfigMap(cj: CronJobObject): string | undefined {
  return cj.spec.jobTemplate.spec?.template?.spec?.volumes?.find((v) => v.name === REQUEST_BODY_VOLUME)?.configMap?.name;
}
