import type { ControlEvaluation, K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = Record<string, any>;

/** Kinds whose pod template sits at spec.template (kubescape's spec_template_spec_patterns). */
export const TEMPLATE_KINDS = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"]);

export interface PodTemplate {
  /** The pod spec. */
  spec: Json;
  /** Kubescape path of the pod spec: "spec", "spec.template.spec" or "spec.jobTemplate.spec.template.spec". */
  path: string;
  /** Pod metadata (the Pod's own, or the template's). */
  meta: Json;
  /** Kubescape path of that metadata ("metadata" or "spec.template.metadata"...). */
  metaPath: string;
}

/** The pod spec of a Pod, a pod-template owner or a CronJob; undefined for other kinds. */
export function podTemplateOf(obj: K8sObject): PodTemplate | undefined {
  const o = obj as Json;
  if (obj.kind === "Pod") {
    return o.spec && typeof o.spec === "object" ? { spec: o.spec, path: "spec", meta: o.metadata ?? {}, metaPath: "metadata" } : undefined;
  }
  if (obj.kind === "CronJob") {
    const t = o.spec?.jobTemplate?.spec?.template;
    return t?.spec && typeof t.spec === "object"
      ? { spec: t.spec, path: "spec.jobTemplate.spec.template.spec", meta: t.metadata ?? {}, metaPath: "spec.jobTemplate.spec.template.metadata" }
      : undefined;
  }
  if (TEMPLATE_KINDS.has(obj.kind)) {
    const t = o.spec?.template;
    return t?.spec && typeof t.spec === "object" ? { spec: t.spec, path: "spec.template.spec", meta: t.metadata ?? {}, metaPath: "spec.template.metadata" } : undefined;
  }
  return undefined;
}

export type ContainerField = "containers" | "initContainers" | "ephemeralContainers";

export interface ContainerAt {
  container: Json;
  index: number;
  field: ContainerField;
  /** e.g. "spec.template.spec.containers[2]" */
  path: string;
}

/** Containers of a pod spec; `fields` picks the lists (kubescape rules mostly look at `containers` only). */
export function containersOf(t: PodTemplate, fields: readonly ContainerField[] = ["containers"]): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const field of fields) {
    const list = t.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (container && typeof container === "object") out.push({ container, index, field, path: `${t.path}.${field}[${index}]` });
    });
  }
  return out;
}

export const ALL_CONTAINERS: readonly ContainerField[] = ["containers", "initContainers", "ephemeralContainers"];

/** Failed when there are findings, passed otherwise. */
export function verdict(object: K8sObject, paths: RulePaths[], related?: K8sObject[]): ResourceResult {
  if (paths.length === 0) return { object, status: "passed", paths: [] };
  // `{}` marks a failure without a path
  const real = paths.filter((p) => Object.keys(p).length > 0);
  return related && related.length > 0 ? { object, status: "failed", paths: real, related } : { object, status: "failed", paths: real };
}

/**
 * Evaluates every workload (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob):
 * `check` returns the findings (empty: passed) or undefined when the control does not apply.
 * A finding with no paths at all still fails: return `[{}]`.
 */
export function evaluateWorkloads(
  index: ResourceIndex,
  check: (t: PodTemplate, wl: K8sObject) => RulePaths[] | undefined,
  kinds?: ReadonlySet<string>,
): ControlEvaluation {
  const results: ResourceResult[] = [];
  for (const wl of index.workloads()) {
    if (kinds && !kinds.has(wl.kind)) continue;
    const t = podTemplateOf(wl);
    if (!t) continue;
    const paths = check(t, wl);
    if (paths) results.push(verdict(wl, paths));
  }
  return { results };
}

/** Per-container check over a workload: the findings of every container concatenated. */
export function evaluateContainers(
  index: ResourceIndex,
  check: (c: ContainerAt, t: PodTemplate, wl: K8sObject) => RulePaths[],
  fields: readonly ContainerField[] = ["containers"],
): ControlEvaluation {
  return evaluateWorkloads(index, (t, wl) => containersOf(t, fields).flatMap((c) => check(c, t, wl)));
}

/**
 * Kubescape counts every object its rule reads as a resource of the control; the ones a rule
 * only consults (policies, service accounts) never fail, so they are listed as passed.
 */
export function passedInputs(index: ResourceIndex, kinds: readonly string[]): ResourceResult[] {
  return kinds.flatMap((kind) => index.byKind(kind).map((object): ResourceResult => ({ object, status: "passed", paths: [] })));
}

export const failed = (path: string): RulePaths => ({ failedPath: path });
export const review = (path: string): RulePaths => ({ reviewPath: path });
export const failedAndReview = (path: string): RulePaths => ({ failedPath: path, reviewPath: path });
export const fix = (path: string, value: string): RulePaths => ({ fixPath: { path, value } });
export const del = (path: string): RulePaths => ({ deletePath: path });

/** Strings of a list-valued field (ignores non-strings). */
export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** True when every key/value of `selector` is among `labels` (an empty selector matches all). */
export function labelsMatch(selector: Json | undefined | null, labels: Json | undefined | null): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector)) if ((labels ?? {})[k] !== v) return false;
  return true;
}

/** Inputs lookup with a fallback when the key is absent. */
export function inputOr(inputs: Readonly<Record<string, readonly string[]>>, key: string, fallback: readonly string[]): readonly string[] {
  const v = inputs[key];
  return Array.isArray(v) ? v : fallback;
}
