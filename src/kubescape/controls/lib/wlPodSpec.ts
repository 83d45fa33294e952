import type { K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/**
 * Where a workload keeps its pod spec, as kubescape addresses it: Pods at `spec.`, the
 * template owners at `spec.template.spec.`, CronJobs at `spec.jobTemplate.spec.template.spec.`.
 */
export const TEMPLATE_KINDS = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"]);

export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  volumes?: Array<Record<string, unknown>>;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: Record<string, unknown>;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostNetwork?: boolean;
  [key: string]: unknown;
}

export interface ContainerLike {
  name?: string;
  image?: string;
  env?: Array<{ name?: string; value?: string; valueFrom?: Record<string, unknown> }>;
  envFrom?: Array<Record<string, unknown>>;
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  volumeMounts?: Array<{ name?: string; mountPath?: string; readOnly?: boolean }>;
  securityContext?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface WorkloadView {
  object: K8sObject;
  spec: PodSpecLike;
  /** Path prefix of the pod spec, ending with a dot: "spec." / "spec.template.spec." / ... */
  prefix: string;
  /** Labels of the pods the workload creates. */
  podLabels: Record<string, string>;
  namespace: string;
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function workloadView(obj: K8sObject, kinds?: ReadonlySet<string>): WorkloadView | undefined {
  if (kinds && !kinds.has(obj.kind)) return undefined;
  const spec = asObject(obj.spec);
  if (!spec) return undefined;
  const namespace = obj.metadata.namespace ?? "default";
  if (obj.kind === "Pod") return { object: obj, spec: spec as PodSpecLike, prefix: "spec.", podLabels: obj.metadata.labels ?? {}, namespace };
  if (TEMPLATE_KINDS.has(obj.kind)) {
    const template = asObject(spec.template);
    const podSpec = asObject(template?.spec);
    if (!podSpec) return undefined;
    const labels = (asObject(template?.metadata)?.labels as Record<string, string> | undefined) ?? {};
    return { object: obj, spec: podSpec as PodSpecLike, prefix: "spec.template.spec.", podLabels: labels, namespace };
  }
  if (obj.kind === "CronJob") {
    const template = asObject(asObject(asObject(spec.jobTemplate)?.spec)?.template);
    const podSpec = asObject(template?.spec);
    if (!podSpec) return undefined;
    const labels = (asObject(template?.metadata)?.labels as Record<string, string> | undefined) ?? {};
    return { object: obj, spec: podSpec as PodSpecLike, prefix: "spec.jobTemplate.spec.template.spec.", podLabels: labels, namespace };
  }
  return undefined;
}

/** Every workload (Pod, template owners, CronJob) of the snapshot with its pod spec. */
export function workloadViews(index: ResourceIndex, kinds?: ReadonlySet<string>): WorkloadView[] {
  const out: WorkloadView[] = [];
  for (const obj of index.workloads()) {
    const v = workloadView(obj, kinds);
    if (v) out.push(v);
  }
  return out;
}

export function containersOf(spec: PodSpecLike): ContainerLike[] {
  return Array.isArray(spec.containers) ? spec.containers.filter((c) => c && typeof c === "object") : [];
}

/** Evaluates each workload: the callback returns the paths of a failure ([] fails with no paths), or null to pass. */
export function evaluateWorkloads(
  index: ResourceIndex,
  check: (wl: WorkloadView) => RulePaths[] | null,
  kinds?: ReadonlySet<string>,
): { results: ResourceResult[] } {
  const results: ResourceResult[] = [];
  for (const wl of workloadViews(index, kinds)) {
    const paths = check(wl);
    results.push(paths ? { object: wl.object, status: "failed", paths } : { object: wl.object, status: "passed", paths: [] });
  }
  return { results };
}

/** Selector match of `matchLabels` and `matchExpressions` against labels (an empty selector matches all). */
export function selectorMatches(
  selector: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const vals = e.values ?? [];
    if (e.operator === "In" && !(has && vals.includes(labels[e.key]!))) return false;
    if (e.operator === "NotIn" && has && vals.includes(labels[e.key]!)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** A Service's plain `selector` map against labels (an empty or absent selector selects nothing). */
export function serviceSelects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
