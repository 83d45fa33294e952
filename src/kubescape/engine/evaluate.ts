import type { Control, ControlInputs, ControlMeta, K8sObject, ResourceIndex, RulePaths, SourceLocation } from "../types.ts";
import { DEFAULT_CONTROL_INPUTS } from "./defaultInputs.ts";
import { ExceptionMatcher, type PostureExceptionPolicy } from "./exceptions.ts";
import { fitsScanScope, frameworkControlIds, referenceControl, runsOnFiles, type ScanScope } from "./reference.ts";
import { resourceIdOf } from "./resourceId.ts";
import type { ControlOutcome, ExceptedResource, FailedResource, ScanResult } from "./results.ts";
import { averageCompliance, countResources, countStatuses, round2, summarizeFramework, weightedRisk } from "./scores.ts";
import { nodeCount, resourceWeight } from "./weights.ts";

export interface EvaluateOptions {
  /** Frameworks to summarise (their controls must be among `controls` or `missingControlIds`). */
  frameworks?: readonly string[];
  /** Selected control IDs with no implementation here: reported skipped ("not implemented"). */
  missingControlIds?: readonly string[];
  clusterName?: string;
  /** File scans: skip controls whose kubescape scanningScope lacks "file", as kubescape does (default true; false runs them too). */
  strictFileScope?: boolean;
  /** Called after each control ran (the scan layer uses it to keep memory in check). */
  afterControl?: () => void;
  /** Called when a control throws; the control is then reported skipped with the error. */
  onControlError?: (controlId: string, error: unknown) => void;
}

export const HOST_DATA_MISSING = "needs host-scanner data, which this scan did not collect (enable the host scanner)";
export const LIVE_CLUSTER_ONLY = "applies to live clusters only (kubescape scanningScope: cluster)";
export const NOT_IMPLEMENTED = "not implemented in this version";
interface Skip {
  reason: string;
  /** The control does not apply to this kind of scan: left out of the score averages. */
  outOfScope: boolean;
}

function skipFor(control: Control, index: ResourceIndex, scope: ScanScope, strictFileScope: boolean): Skip | undefined {
  switch (control.implementation) {
    // Cloud and image controls still run: some cloud ones also read the kube-apiserver Pod of a
    // self-managed control plane, image ones read ImageVulnerabilities objects when a scan
    // includes them; with nothing to look at they are skipped after evaluation (never passed).
    case "manual":
      return { reason: control.skipReason ?? "manual review", outOfScope: false };
    case "host":
      if (!index.hasHostData) return { reason: HOST_DATA_MISSING, outOfScope: false };
      break;
  }
  // Files: kubescape skips cluster-only controls; strictFileScope=false runs them too (a
  // manifest set is often what will be applied).
  if (!index.isLiveCluster) return strictFileScope && !runsOnFiles(control.id) ? { reason: LIVE_CLUSTER_ONLY, outOfScope: true } : undefined;
  if (!fitsScanScope(control.id, scope)) {
    return { reason: `applies to ${referenceControl(control.id)?.scanningScope.join("/")} clusters only (this cluster: ${scope})`, outOfScope: true };
  }
  return undefined;
}

/**
 * The managed-cloud flavour of a live cluster, from its Nodes' providerID (aws://, azure://,
 * gce://), as kubescape picks cloud-only controls; a plain "cluster" otherwise.
 */
export function clusterScope(index: ResourceIndex): ScanScope {
  if (!index.isLiveCluster) return "file";
  for (const node of index.byKind("Node")) {
    const id = (node.spec as { providerID?: unknown } | undefined)?.providerID;
    if (typeof id !== "string") continue;
    if (id.startsWith("aws://")) return "EKS";
    if (id.startsWith("azure://")) return "AKS";
    if (id.startsWith("gce://")) return "GKE";
  }
  return "cluster";
}

function metaOf(control: Control): ControlMeta {
  const { evaluate: _evaluate, ...meta } = control;
  return meta;
}

function skipped(control: ControlMeta, reason: string, outOfScope = false): ControlOutcome {
  return {
    control,
    status: "skipped",
    skipReason: reason,
    passed: [],
    failed: [],
    excepted: [],
    counters: { passed: 0, failed: 0, excepted: 0 },
    failedWeight: 0,
    allWeight: 0,
    ...(outOfScope ? { outOfScope: true } : {}),
  };
}

/** A placeholder description of a control the reference lists but this build does not implement. */
export function missingControlMeta(id: string): ControlMeta {
  const ref = referenceControl(id);
  return {
    id,
    name: ref?.name ?? id,
    baseScore: ref?.baseScore ?? 0,
    severity: ref?.severity ?? "Unknown",
    category: ref?.category ?? null,
    frameworks: ref?.frameworks ?? [],
    description: "",
    remediation: "",
    implementation: "manual",
    skipReason: NOT_IMPLEMENTED,
  };
}

/**
 * Runs the controls over the snapshot and scores them. Pure: no I/O, no clock. Each control's
 * raw results are folded into ordinals at once, so memory stays at one control's results
 * rather than controls × resources objects.
 */
export function evaluateControls(
  index: ResourceIndex,
  controls: readonly Control[],
  inputs: ControlInputs = DEFAULT_CONTROL_INPUTS,
  exceptions: readonly PostureExceptionPolicy[] | ExceptionMatcher = [],
  options: EvaluateOptions = {},
): ScanResult {
  const matcher = exceptions instanceof ExceptionMatcher ? exceptions : new ExceptionMatcher(exceptions, options.clusterName ?? "");
  const resources: K8sObject[] = [...index.all];
  const ordinal = new Map<K8sObject, number>();
  resources.forEach((r, i) => ordinal.set(r, i));
  const ordinalOf = (obj: K8sObject): number => {
    let i = ordinal.get(obj);
    if (i === undefined) {
      // A control reported an object outside the snapshot (e.g. synthesised): keep it.
      i = resources.length;
      resources.push(obj);
      ordinal.set(obj, i);
    }
    return i;
  };

  const scope = clusterScope(index);
  const internPaths = pathInterner();
  // Per-control "already listed as passed" marks: one array for the whole scan, not a Set per control.
  let stamps = new Uint32Array(resources.length + 16);
  let epoch = 0;
  const outcomes: ControlOutcome[] = [];
  for (const control of controls) {
    const meta = metaOf(control);
    const skip = skipFor(control, index, scope, options.strictFileScope ?? true);
    if (skip) {
      outcomes.push(skipped(meta, skip.reason, skip.outOfScope));
      continue;
    }
    let evaluation;
    try {
      evaluation = control.evaluate(index, inputs);
    } catch (err) {
      options.onControlError?.(control.id, err);
      outcomes.push(skipped(meta, `evaluation error: ${err instanceof Error ? err.message : String(err)}`));
      continue;
    }
    if ((control.implementation === "cloud" || control.implementation === "image") && evaluation.results.length === 0) {
      outcomes.push(skipped(meta, control.skipReason ?? "cloud control"));
      continue;
    }
    const controlExceptions = matcher.forControl(control.id, control.name, control.frameworks);
    const passed: number[] = [];
    const failed: FailedResource[] = [];
    const excepted: ExceptedResource[] = [];
    epoch++;
    for (const r of evaluation.results) {
      const i = ordinalOf(r.object);
      if (i >= stamps.length) {
        const grown = new Uint32Array(Math.max(i + 1, stamps.length * 2));
        grown.set(stamps);
        stamps = grown;
      }
      if (r.status === "passed") {
        if (stamps[i] !== epoch) passed.push(i);
        stamps[i] = epoch;
        continue;
      }
      const names = controlExceptions.empty ? [] : controlExceptions.match(r.object);
      const paths = internPaths(r.paths);
      const entry: FailedResource = r.related ? { resource: i, paths, related: r.related } : { resource: i, paths };
      if (names.length > 0) excepted.push({ ...entry, exceptions: names });
      else failed.push(entry);
      stamps[i] = epoch;
    }
    outcomes.push({ control: meta, status: "passed", passed, failed, excepted, counters: { passed: 0, failed: 0, excepted: 0 }, failedWeight: 0, allWeight: 0 });
    options.afterControl?.();
  }
  for (const id of options.missingControlIds ?? []) outcomes.push(skipped(missingControlMeta(id), NOT_IMPLEMENTED));

  // Weights and statuses need the final resource list (controls may have added objects).
  const nodes = nodeCount(index);
  const weights = new Float64Array(resources.length);
  for (let i = 0; i < resources.length; i++) weights[i] = resourceWeight(resources[i]!, nodes);
  for (const o of outcomes) {
    if (o.status === "skipped") continue;
    finishOutcome(o, weights);
  }

  const byId = new Map(outcomes.map((o) => [o.control.id, o]));
  const frameworks = (options.frameworks ?? []).map((name) => summarizeFramework(name, frameworkControlIds(name) ?? [], byId, resources.length));
  return {
    resources,
    resourceIds: resources.map(resourceIdOf),
    weights,
    sources: resources.map((r): SourceLocation | undefined => index.source(r)),
    controls: outcomes,
    frameworks,
    complianceScore: averageCompliance(outcomes),
    riskScore: weightedRisk(outcomes),
    controlCounters: countStatuses(outcomes),
    resourceCounters: countResources(outcomes, resources.length),
    isLiveCluster: index.isLiveCluster,
    hasHostData: index.hasHostData,
  };
}

/** Deduplicates (a failure wins over a pass for one resource), counts and scores one control. */
function finishOutcome(o: ControlOutcome, weights: Float64Array): void {
  if (o.failed.length > 0 || o.excepted.length > 0) {
    const bad = new Set<number>([...o.failed.map((f) => f.resource), ...o.excepted.map((e) => e.resource)]);
    o.passed = o.passed.filter((p) => !bad.has(p));
    const failedSet = new Set(o.failed.map((f) => f.resource));
    // A resource failed on one path but excepted on another: a real failure remains.
    o.excepted = o.excepted.filter((e) => !failedSet.has(e.resource));
    o.failed = mergeByResource(o.failed);
    o.excepted = mergeByResource(o.excepted);
  }
  o.counters = { passed: o.passed.length, failed: o.failed.length, excepted: o.excepted.length };
  const all = o.counters.passed + o.counters.failed + o.counters.excepted;
  if (all === 0) {
    o.status = "passed";
    o.subStatus = "irrelevant";
    o.complianceScore = 100;
    o.riskScore = 0;
    return;
  }
  let failedWeight = 0;
  let allWeight = 0;
  for (const p of o.passed) allWeight += weights[p]!;
  for (const e of o.excepted) allWeight += weights[e.resource]!;
  for (const f of o.failed) {
    failedWeight += weights[f.resource]!;
    allWeight += weights[f.resource]!;
  }
  o.failedWeight = failedWeight;
  o.allWeight = allWeight;
  // Kubescape: a passed control (all failures excepted included) complies 100 %.
  o.complianceScore = o.counters.failed === 0 ? 100 : round2(((o.counters.passed + o.counters.excepted) / all) * 100);
  o.riskScore = round2((failedWeight / allWeight) * 100);
  if (o.counters.failed > 0) o.status = "failed";
  else if (o.counters.excepted > 0) {
    o.status = "excepted";
    o.subStatus = "w/exceptions";
  } else o.status = "passed";
}

const EMPTY_PATHS: RulePaths[] = [];
const MAX_INTERNED = 20_000;

/**
 * Failed results repeat the same few path lists (a cluster of 50k objects has ~100 distinct
 * ones over 300k findings): sharing one frozen copy per distinct list keeps retained memory
 * proportional to distinct findings, and lets the controls' own copies be collected.
 */
function pathInterner(): (paths: RulePaths[]) => RulePaths[] {
  const seen = new Map<string, RulePaths[]>();
  return (paths) => {
    if (paths.length === 0) return EMPTY_PATHS;
    let key = "";
    for (const p of paths) key += `${p.failedPath ?? ""}\u0001${p.reviewPath ?? ""}\u0001${p.deletePath ?? ""}\u0001${p.fixPath?.path ?? ""}\u0001${p.fixPath?.value ?? ""}\u0002`;
    const hit = seen.get(key);
    if (hit) return hit;
    const copy = Object.freeze(paths.map((p) => Object.freeze({ ...p }))) as RulePaths[];
    if (seen.size < MAX_INTERNED) seen.set(key, copy);
    return copy;
  };
}

/** One entry per resource: a control may report several findings for one object. */
function mergeByResource<T extends FailedResource>(entries: T[]): T[] {
  if (entries.length < 2) return entries;
  const byResource = new Map<number, T>();
  for (const e of entries) {
    const prev = byResource.get(e.resource);
    if (!prev) byResource.set(e.resource, e);
    else byResource.set(e.resource, { ...prev, paths: [...prev.paths, ...e.paths], related: prev.related || e.related ? [...(prev.related ?? []), ...(e.related ?? [])] : undefined });
  }
  return [...byResource.values()];
}
