import type { ControlOutcome, FrameworkSummary, ResourceCounters, ScanResult } from "../engine/results.ts";
import type { ControlMeta, RulePaths } from "../types.ts";
import { resourceIdOf } from "../engine/resourceId.ts";
import { type ReportContext, ruleNameOf } from "./context.ts";

/** Kubescape's v2 status info: excepted = passed "w/exceptions"; no resources = passed "irrelevant". */
export function statusInfo(c: ControlOutcome): { status: string; subStatus?: string; info?: string } {
  if (c.status === "skipped") return { status: "skipped", info: c.skipReason };
  if (c.status === "excepted") return { status: "passed", subStatus: "w/exceptions" };
  return c.subStatus ? { status: c.status, subStatus: c.subStatus } : { status: c.status };
}

function counters(c: ResourceCounters, skipped = 0) {
  return { passedResources: c.passed, failedResources: c.failed, excludedResources: c.excepted, skippedResources: skipped };
}

type SeverityCounters = { criticalSeverity: number; highSeverity: number; mediumSeverity: number; lowSeverity: number };
function emptySeverity(): SeverityCounters {
  return { criticalSeverity: 0, highSeverity: 0, mediumSeverity: 0, lowSeverity: 0 };
}
function bump(s: SeverityCounters, severity: ControlMeta["severity"]): void {
  if (severity === "Critical") s.criticalSeverity++;
  else if (severity === "High") s.highSeverity++;
  else if (severity === "Medium") s.mediumSeverity++;
  else if (severity === "Low") s.lowSeverity++;
}

function controlSummary(c: ControlOutcome, result: ScanResult, includePassedIds: boolean, includeIds: boolean) {
  const ids = (list: number[]) => list.map((i) => result.resourceIds[i]!);
  return {
    controlID: c.control.id,
    name: c.control.name,
    status: statusInfo(c).status,
    statusInfo: statusInfo(c),
    description: c.control.description,
    remediation: c.control.remediation,
    severity: c.control.severity,
    implementation: c.control.implementation,
    resourceIDs: includeIds
      ? {
          passed: includePassedIds ? ids(c.passed) : [],
          failed: ids(c.failed.map((f) => f.resource)),
          excluded: ids(c.excepted.map((e) => e.resource)),
        }
      : undefined,
    ResourceCounters: counters(c.counters),
    score: c.riskScore ?? 0,
    complianceScore: c.complianceScore,
    scoreFactor: c.control.baseScore,
    category: c.control.category ? { name: c.control.category } : undefined,
  };
}

function frameworkSummary(f: FrameworkSummary, summaries: Record<string, ReturnType<typeof controlSummary>>) {
  return {
    name: f.name,
    version: "",
    status: f.status,
    score: f.riskScore,
    complianceScore: f.complianceScore,
    ResourceCounters: counters(f.resourceCounters),
    controlsCounters: f.controlCounters,
    controls: Object.fromEntries(f.controlIds.filter((id) => summaries[id]).map((id) => [id, summaries[id]])),
  };
}

function pathsOf(paths: RulePaths[]) {
  return paths.map((p) => {
    const out: Record<string, unknown> = {};
    if (p.failedPath !== undefined) out.failedPath = p.failedPath;
    if (p.reviewPath !== undefined) out.reviewPath = p.reviewPath;
    if (p.deletePath !== undefined) out.deletePath = p.deletePath;
    if (p.fixPath !== undefined) out.fixPath = p.fixPath;
    return out;
  });
}

export interface PostureReportOptions {
  /** Include passed controls in results[] (kubescape does; large clusters may turn it off). */
  includePassed?: boolean;
  /** List resource IDs in control summaries at all (results[] has the same facts per resource). */
  includeResourceIds?: boolean;
  /** List passed resource IDs in each control summary (large clusters: millions of strings). */
  includePassedIds?: boolean;
  /** Include each resource's full object in resources[] (kubescape does for failed ones). */
  includeObjects?: "all" | "failed" | "none";
}

const SEVERITY_RANK = { Unknown: 0, Low: 1, Medium: 2, High: 3, Critical: 4 } as const;
const SEVERITY_BY_RANK = ["Unknown", "Low", "Medium", "High", "Critical"] as const;

/**
 * Which controls looked at each resource, as compact arrays (CSR layout): resource i's entries
 * are [offsets[i], offsets[i+1]) of `control` (index in result.controls) and `ref`
 * (entry index << 2 | 0 failed, 1 excepted, 2 passed). A 50k-object scan has millions of
 * (resource, control) pairs: objects for each would not fit in the memory budget.
 */
interface Associations {
  offsets: Uint32Array;
  control: Uint32Array;
  ref: Uint32Array;
  /** 1 + severity rank of the worst failed control per resource (0: none failed). */
  worst: Uint8Array;
}

function associate(result: ScanResult, includePassed: boolean): Associations {
  const n = result.resources.length;
  const counts = new Uint32Array(n + 1);
  const worst = new Uint8Array(n);
  result.controls.forEach((c) => {
    if (c.status === "skipped") return;
    const rank = SEVERITY_RANK[c.control.severity] + 1;
    for (const f of c.failed) {
      counts[f.resource]!++;
      if (worst[f.resource]! < rank) worst[f.resource] = rank;
    }
    for (const e of c.excepted) counts[e.resource]!++;
    if (includePassed) for (const p of c.passed) counts[p]!++;
  });
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const fill = offsets.slice(0, n);
  const total = offsets[n]!;
  const control = new Uint32Array(total);
  const ref = new Uint32Array(total);
  const put = (r: number, ci: number, packed: number) => {
    const at = fill[r]!++;
    control[at] = ci;
    ref[at] = packed;
  };
  result.controls.forEach((c, ci) => {
    if (c.status === "skipped") return;
    c.failed.forEach((f, k) => put(f.resource, ci, (k << 2) | 0));
    c.excepted.forEach((e, k) => put(e.resource, ci, (k << 2) | 1));
    if (includePassed) c.passed.forEach((p, k) => put(p, ci, (k << 2) | 2));
  });
  return { offsets, control, ref, worst };
}

export interface AssociatedControl {
  controlID: string;
  name: string;
  status: { status: string; subStatus?: string };
  rules: Array<Record<string, unknown>>;
}

function associatedControls(result: ScanResult, a: Associations, i: number): AssociatedControl[] {
  const out: AssociatedControl[] = [];
  for (let at = a.offsets[i]!; at < a.offsets[i + 1]!; at++) {
    const c = result.controls[a.control[at]!]!;
    const kind = a.ref[at]! & 3;
    const k = a.ref[at]! >>> 2;
    const rule = ruleNameOf(c.control.name);
    if (kind === 0) {
      const f = c.failed[k]!;
      out.push({
        controlID: c.control.id,
        name: c.control.name,
        status: { status: "failed" },
        rules: [{ name: rule, status: "failed", paths: pathsOf(f.paths), relatedResourcesIDs: f.related?.map(resourceIdOf) }],
      });
    } else if (kind === 1) {
      const e = c.excepted[k]!;
      out.push({
        controlID: c.control.id,
        name: c.control.name,
        status: { status: "passed", subStatus: "w/exceptions" },
        rules: [{ name: rule, status: "passed", subStatus: "w/exceptions", paths: pathsOf(e.paths), exception: e.exceptions.map((name) => ({ name, policyType: "postureExceptionPolicy", actions: ["alertOnly"] })) }],
      });
    } else {
      out.push({ controlID: c.control.id, name: c.control.name, status: { status: "passed" }, rules: [{ name: rule, status: "passed" }] });
    }
  }
  return out;
}

function resourceEntry(result: ScanResult, a: Associations, i: number, includeObjects: "all" | "failed" | "none") {
  const source = result.sources[i];
  const r: Record<string, unknown> = { resourceID: result.resourceIds[i]! };
  if (includeObjects === "all" || (includeObjects === "failed" && a.worst[i]! > 0)) r.object = result.resources[i];
  if (source) r.source = { path: source.file, relativePath: source.file, fileType: /\.json$/i.test(source.file) ? "json" : "yaml", line: source.line };
  return r;
}

const RESOURCES_MARK = "\u0000ks-resources\u0000";
const RESULTS_MARK = "\u0000ks-results\u0000";

/** The Kubescape v2 PostureReport (opa-utils reporthandling/v2) for one scan. */
export function buildPostureReport(result: ScanResult, ctx: ReportContext, options: PostureReportOptions = {}) {
  const { header, associations, withEntries } = prepareReport(result, ctx, options);
  const includeObjects = options.includeObjects ?? "failed";
  return {
    ...header,
    resources: withEntries.map((i) => resourceEntry(result, associations, i, includeObjects)),
    results: withEntries.map((i) => ({ resourceID: result.resourceIds[i]!, controls: associatedControls(result, associations, i) })),
  };
}

/**
 * Writes the same report as JSON piece by piece (one resource at a time), so a 50k-object scan
 * never holds the whole document as objects or as one string.
 */
export function writePostureReport(result: ScanResult, ctx: ReportContext, write: (chunk: string) => void, options: PostureReportOptions = {}): void {
  const { header, associations, withEntries } = prepareReport(result, ctx, options);
  const includeObjects = options.includeObjects ?? "failed";
  const text = JSON.stringify({ ...header, resources: RESOURCES_MARK, results: RESULTS_MARK });
  const resourcesAt = text.indexOf(JSON.stringify(RESOURCES_MARK));
  const resultsAt = text.indexOf(JSON.stringify(RESULTS_MARK));
  const markLen = JSON.stringify(RESOURCES_MARK).length;
  const array = (make: (i: number) => unknown) => {
    write("[");
    withEntries.forEach((i, n) => write((n ? "," : "") + JSON.stringify(make(i))));
    write("]");
  };
  write(text.slice(0, resourcesAt));
  array((i) => resourceEntry(result, associations, i, includeObjects));
  write(text.slice(resourcesAt + markLen, resultsAt));
  array((i) => ({ resourceID: result.resourceIds[i]!, controls: associatedControls(result, associations, i) }));
  write(text.slice(resultsAt + JSON.stringify(RESULTS_MARK).length));
}

function prepareReport(result: ScanResult, ctx: ReportContext, options: PostureReportOptions) {
  const includePassed = options.includePassed ?? true;
  const summaries: Record<string, ReturnType<typeof controlSummary>> = {};
  const controlsSeverity = emptySeverity();
  for (const c of result.controls) {
    summaries[c.control.id] = controlSummary(c, result, options.includePassedIds ?? includePassed, options.includeResourceIds ?? true);
    if (c.status === "failed") bump(controlsSeverity, c.control.severity);
  }
  const associations = associate(result, includePassed);
  const withEntries: number[] = [];
  const resourcesSeverity = emptySeverity();
  for (let i = 0; i < result.resources.length; i++) {
    if (associations.offsets[i + 1]! > associations.offsets[i]!) withEntries.push(i);
    if (associations.worst[i]! > 0) bump(resourcesSeverity, SEVERITY_BY_RANK[associations.worst[i]! - 1]!);
  }
  const frameworks = result.frameworks.map((f) => frameworkSummary(f, summaries));
  const header = {
    generationTime: ctx.generationTime,
    clusterAPIServerInfo: null,
    clusterCloudProvider: "",
    customerGUID: ctx.customerGUID ?? "",
    clusterName: ctx.clusterName ?? "",
    reportGUID: ctx.reportGUID,
    jobID: ctx.jobID ?? "",
    summaryDetails: {
      status: result.controlCounters.failed > 0 ? "failed" : "passed",
      score: result.riskScore,
      complianceScore: result.complianceScore,
      frameworks,
      controls: summaries,
      controlsCounters: result.controlCounters,
      ResourceCounters: counters(result.resourceCounters),
      controlsSeverityCounters: controlsSeverity,
      resourcesSeverityCounters: resourcesSeverity,
    },
    attributes: [] as unknown[],
    metadata: {
      scanMetadata: {
        targetType: ctx.targetType,
        targetNames: ctx.targetNames,
        failThreshold: ctx.failThreshold ?? 0,
        hostScanner: ctx.hostScanner ?? false,
        includeNamespaces: ctx.includeNamespaces ?? [],
        excludedNamespaces: ctx.excludeNamespaces ?? [],
        kubescapeVersion: ctx.kubescapeVersion,
        formatVersion: "v2",
        scanningTarget: result.isLiveCluster ? "Cluster" : "File",
        inputPatterns: ctx.scannedPaths ?? [],
      },
      clusterMetadata: { clusterName: ctx.clusterName ?? "", numberOfWorkerNodes: result.resources.filter((r) => r.kind === "Node").length },
    },
    customerGUIDGenerated: false,
    triggeredByCLI: false,
    paginationInfo: { chunkNumber: 0, isLastChunk: true },
  };
  return { header, associations, withEntries };
}

export type PostureReport = ReturnType<typeof buildPostureReport>;
