import { chunkByJsonSize, type EventReceiverClient } from "../../common/reporter.ts";
import type { PostureReport } from "../report/postureReport.ts";

export const POSTURE_REPORT_PATH = "/k8s/v2/postureReport";

/**
 * Splits a PostureReport into chunks for the event receiver: resources and results spread
 * over chunks of at most ~maxBytes, each chunk carrying the report's header (IDs, metadata,
 * summaryDetails) and paginationInfo {chunkNumber, isLastChunk}; the last one has isLastChunk.
 */
export function postureReportChunks(report: PostureReport, maxBytes: number): PostureReport[] {
  type Item = { kind: "resource"; value: PostureReport["resources"][number] } | { kind: "result"; value: PostureReport["results"][number] };
  const items: Item[] = [...report.resources.map((value) => ({ kind: "resource" as const, value })), ...report.results.map((value) => ({ kind: "result" as const, value }))];
  const groups = chunkByJsonSize(items, maxBytes);
  return groups.map((group, i) => ({
    ...report,
    resources: group.filter((g) => g.kind === "resource").map((g) => g.value as PostureReport["resources"][number]),
    results: group.filter((g) => g.kind === "result").map((g) => g.value as PostureReport["results"][number]),
    paginationInfo: { chunkNumber: i, isLastChunk: i === groups.length - 1 },
  }));
}

/** Queues every chunk on the event-receiver client (bounded outbox, retries, X-API-KEY). */
export function submitPostureReport(client: EventReceiverClient, report: PostureReport, opts: { customerGUID: string; clusterName: string; maxBytes: number }): number {
  const chunks = postureReportChunks(report, opts.maxBytes);
  for (const chunk of chunks) {
    client.send(POSTURE_REPORT_PATH, { customerGUID: opts.customerGUID, contextName: opts.clusterName, clusterName: opts.clusterName, reportGUID: report.reportGUID }, chunk);
  }
  return chunks.length;
}
