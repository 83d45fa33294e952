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

/** The Kubescape v2 PostureReport (opa-utils reporthandling/v2) for one scan. */
export function buildPostureReport(result: ScanResult, ctx: ReportContext, options: PostureReportOptions = {}) {
  const includePassed = options.includePassed ?? true;
  const includeObjects = options.includeObjects ?? "failed";
  const summaries: Record<string, ReturnType<typeof controlSummary>> = {};
  const controlsSeverity = emptySeverity();
  for (const c of result.controls) {
    summaries[c.control.id] = controlSummary(c, result, options.includePassedIds ?? includePassed, options.includeResourceIds ?? true);
    if (c.status === "failed") bump(controlsSeverity, c.control.severity);
  }

  // results[]: per resource, the controls that looked at it.
  type AssociatedControl = { controlID: string; name: string; status: ReturnType<typeof statusInfo>; rules: unknown[] };
  const perResource = new Map<number, AssociatedControl[]>();
  const worst = new Map<number, ControlMeta["severity"]>();
  const rank = { Critical: 4, High: 3, Medium: 2, Low: 1, Unknown: 0 } as const;
  const push = (i: number, entry: AssociatedControl) => {
    let list = perResource.get(i);
    if (!list) perResource.set(i, (list = []));
    list.push(entry);
  };
  for (const c of result.controls) {
    if (c.status === "skipped") continue;
    const rule = ruleNameOf(c.control.name);
    for (const f of c.failed) {
      push(f.resource, {
        controlID: c.control.id,
        name: c.control.name,
        status: { status: "failed" },
        rules: [{ name: rule, status: "failed", paths: pathsOf(f.paths), relatedResourcesIDs: f.related?.map(resourceIdOf) }],
      });
      const prev = worst.get(f.resource);
      if (!prev || rank[c.control.severity] > rank[prev]) worst.set(f.resource, c.control.severity);
    }
    for (const e of c.excepted) {
      push(e.resource, {
        controlID: c.control.id,
        name: c.control.name,
        status: { status: "passed", subStatus: "w/exceptions" },
        rules: [{ name: rule, status: "passed", subStatus: "w/exceptions", paths: pathsOf(e.paths), exception: e.exceptions.map((name) => ({ name, policyType: "postureExceptionPolicy", actions: ["alertOnly"] })) }],
      });
    }
    if (includePassed) for (const p of c.passed) push(p, { controlID: c.control.id, name: c.control.name, status: { status: "passed" }, rules: [{ name: rule, status: "passed" }] });
  }
  const resourcesSeverity = emptySeverity();
  for (const s of worst.values()) bump(resourcesSeverity, s);

  const resultIndices = [...perResource.keys()].sort((a, b) => a - b);
  const results = resultIndices.map((i) => ({ resourceID: result.resourceIds[i]!, controls: perResource.get(i)! }));
  const resources = resultIndices.map((i) => {
    const source = result.sources[i];
    const failed = worst.has(i);
    const r: Record<string, unknown> = { resourceID: result.resourceIds[i]! };
    if (includeObjects === "all" || (includeObjects === "failed" && failed)) r.object = result.resources[i];
    if (source) r.source = { path: source.file, relativePath: source.file, fileType: /\.json$/i.test(source.file) ? "json" : "yaml", line: source.line };
    return r;
  });

  const frameworks = result.frameworks.map((f) => frameworkSummary(f, summaries));
  return {
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
    resources,
    attributes: [],
    results,
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
}

export type PostureReport = ReturnType<typeof buildPostureReport>;
