import { z } from "zod";
import { PaginationInfoSchema } from "../../common/wire/systemReport.ts";
import type { ControlResourceRow, ControlRow, FrameworkScore, PostureIngest } from "../store/types.ts";
import { splitResourceId } from "./resourceId.ts";

/**
 * PostureReport v2 chunks (opa-utils reporthandling/v2, wire spec §8.1). Parsed leniently:
 * unknown fields pass through, every field the backend reads is optional, so a producer of
 * another era still lands.
 */
const CountersSchema = z
  .object({ passedResources: z.number().optional(), failedResources: z.number().optional(), excludedResources: z.number().optional(), skippedResources: z.number().optional() })
  .loose();

const StatusSchema = z.union([z.string(), z.object({ status: z.string().optional() }).loose()]).optional();

const ControlSummarySchema = z
  .object({
    controlID: z.string().optional(),
    name: z.string().optional(),
    status: StatusSchema,
    statusInfo: z.object({ status: z.string().optional() }).loose().optional(),
    score: z.number().optional(),
    complianceScore: z.number().optional(),
    scoreFactor: z.number().optional(),
    severity: z.string().optional(),
    remediation: z.string().optional(),
    description: z.string().optional(),
    ResourceCounters: CountersSchema.optional(),
  })
  .loose();

const FrameworkSummarySchema = z
  .object({
    name: z.string(),
    score: z.number().optional(),
    complianceScore: z.number().optional(),
    controls: z.record(z.string(), ControlSummarySchema).optional(),
    ResourceCounters: CountersSchema.optional(),
  })
  .loose();

const PathSchema = z
  .object({
    failedPath: z.string().optional(),
    deletePath: z.string().optional(),
    reviewPath: z.string().optional(),
    fixPath: z.object({ path: z.string().optional(), value: z.unknown().optional() }).loose().optional(),
  })
  .loose();

const ResultSchema = z
  .object({
    resourceID: z.string(),
    controls: z
      .array(
        z
          .object({
            controlID: z.string(),
            name: z.string().optional(),
            status: StatusSchema,
            rules: z.array(z.object({ name: z.string().optional(), paths: z.array(PathSchema).nullish() }).loose()).nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();

const ResourceSchema = z
  .object({
    resourceID: z.string(),
    object: z
      .object({ kind: z.string().optional(), metadata: z.object({ name: z.string().optional(), namespace: z.string().optional() }).loose().optional() })
      .loose()
      .nullish(),
  })
  .loose();

export const PaginationSchema = PaginationInfoSchema;

export const PostureChunkSchema = z
  .object({
    reportGUID: z.string().optional(),
    customerGUID: z.string().optional(),
    clusterName: z.string().optional(),
    generationTime: z.string().optional(),
    clusterAPIServerInfo: z.object({ gitVersion: z.string().optional() }).loose().nullish(),
    clusterCloudProvider: z.string().optional(),
    summaryDetails: z
      .object({
        frameworks: z.array(FrameworkSummarySchema).nullish(),
        controls: z.record(z.string(), ControlSummarySchema).nullish(),
        ResourceCounters: CountersSchema.optional(),
      })
      .loose()
      .nullish(),
    resources: z.array(ResourceSchema).nullish(),
    results: z.array(ResultSchema).nullish(),
    paginationInfo: PaginationSchema.optional(),
  })
  .loose();
export type PostureChunk = z.infer<typeof PostureChunkSchema>;

/** Joins chunks (already in chunk order): scalars from the first that has them, arrays concatenated. */
export function mergePostureChunks(chunks: PostureChunk[]): PostureChunk {
  const merged: PostureChunk = { ...chunks[0], resources: [], results: [] };
  for (const c of chunks) {
    merged.resources!.push(...(c.resources ?? []));
    merged.results!.push(...(c.results ?? []));
    merged.summaryDetails ??= c.summaryDetails;
    merged.generationTime ??= c.generationTime;
    merged.clusterName ||= c.clusterName;
    merged.clusterAPIServerInfo ??= c.clusterAPIServerInfo;
  }
  return merged;
}

const statusOf = (s: z.infer<typeof StatusSchema>, info?: { status?: string }) =>
  ((typeof s === "string" ? s : s?.status) || info?.status || "unknown").toLowerCase();

/** Kubescape's severity from a control's score factor. */
export function severityFromScoreFactor(f: number | undefined): string {
  if (f === undefined) return "Unknown";
  if (f >= 9) return "Critical";
  if (f >= 7) return "High";
  if (f >= 4) return "Medium";
  if (f >= 1) return "Low";
  return "Unknown";
}

/** Turns an assembled report into the rows the store keeps. */
export function postureIngest(report: PostureChunk, reportId: string, cluster: string, receivedAt: number): PostureIngest {
  const controlsSummary = report.summaryDetails?.controls ?? {};
  const frameworks = report.summaryDetails?.frameworks ?? [];
  const frameworksOf = new Map<string, string[]>();
  const scores: FrameworkScore[] = frameworks.map((fw) => {
    const ids = Object.keys(fw.controls ?? controlsSummary);
    for (const id of ids) frameworksOf.set(id, [...(frameworksOf.get(id) ?? []), fw.name]);
    const fwControls = ids.map((id) => fw.controls?.[id] ?? controlsSummary[id]);
    // Failing resources of this framework: those failing any of its controls (from results),
    // else the framework's own counters.
    const own = new Set(ids);
    const failingHere = new Set<string>();
    for (const r of report.results ?? []) {
      if ((r.controls ?? []).some((c) => own.has(c.controlID) && statusOf(c.status) === "failed")) failingHere.add(r.resourceID);
    }
    const counters = fw.ResourceCounters ?? report.summaryDetails?.ResourceCounters ?? {};
    const resultsKnown = (report.results ?? []).length > 0;
    const failed = resultsKnown ? failingHere.size : (counters.failedResources ?? 0);
    const total = resultsKnown ? (report.results ?? []).length : failed + (counters.passedResources ?? 0) + (counters.excludedResources ?? 0);
    return {
      framework: fw.name,
      score: fw.score ?? 0,
      compliance: fw.complianceScore ?? fw.score ?? 0,
      failedControls: fwControls.filter((c) => c && statusOf(c.status, c.statusInfo) === "failed").length,
      totalControls: ids.length,
      failedResources: failed,
      totalResources: total,
    };
  });

  const resourceInfo = new Map<string, { kind: string; namespace: string; name: string }>();
  for (const r of report.resources ?? []) {
    const fromId = splitResourceId(r.resourceID);
    const meta = r.object?.metadata;
    resourceInfo.set(r.resourceID, { kind: r.object?.kind || fromId.kind, namespace: meta?.namespace ?? fromId.namespace, name: meta?.name || fromId.name });
  }

  const rows: ControlResourceRow[] = [];
  const failedCount = new Map<string, number>();
  const names = new Map<string, string>();
  for (const result of report.results ?? []) {
    for (const control of result.controls ?? []) {
      if (control.name) names.set(control.controlID, control.name);
      const status = statusOf(control.status);
      if (status !== "failed") continue;
      failedCount.set(control.controlID, (failedCount.get(control.controlID) ?? 0) + 1);
      const failedPaths: string[] = [];
      const fixes: Array<{ path: string; value: string }> = [];
      for (const rule of control.rules ?? []) {
        for (const p of rule.paths ?? []) {
          const failed = p.failedPath || p.deletePath || p.reviewPath;
          if (failed) failedPaths.push(failed);
          if (p.fixPath?.path) fixes.push({ path: p.fixPath.path, value: typeof p.fixPath.value === "string" ? p.fixPath.value : JSON.stringify(p.fixPath.value ?? "") });
        }
      }
      const info = resourceInfo.get(result.resourceID) ?? splitResourceId(result.resourceID);
      rows.push({ controlId: control.controlID, resourceId: result.resourceID, ...info, status, failedPaths, fixes });
    }
  }

  const ids = new Set([...Object.keys(controlsSummary), ...failedCount.keys()]);
  const controls: ControlRow[] = [...ids].map((id) => {
    const s = controlsSummary[id];
    const counters = s?.ResourceCounters ?? {};
    return {
      controlId: id,
      name: s?.name || names.get(id) || id,
      severity: s?.severity || severityFromScoreFactor(s?.scoreFactor),
      status: s ? statusOf(s.status, s.statusInfo) : "failed",
      score: s?.complianceScore ?? s?.score ?? 0,
      failedResources: counters.failedResources ?? failedCount.get(id) ?? 0,
      passedResources: counters.passedResources ?? 0,
      frameworks: frameworksOf.get(id) ?? [],
      remediation: s?.remediation ?? "",
      description: s?.description ?? "",
    };
  });

  const generated = report.generationTime ? Date.parse(report.generationTime) : Number.NaN;
  return {
    cluster,
    reportId,
    generatedAt: Number.isFinite(generated) ? generated : receivedAt,
    serverVersion: report.clusterAPIServerInfo?.gitVersion ?? "",
    cloudProvider: report.clusterCloudProvider ?? "",
    frameworks: scores,
    controls,
    resources: rows,
  };
}
