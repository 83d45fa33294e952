import { z } from "zod";
import type { JobEvent } from "../store/types.ts";

/**
 * BaseReport (wire spec §8.3) as it arrives: lenient about which fields are present, since
 * operator, kubevuln and older clients fill different subsets.
 */
export const IncomingBaseReportSchema = z
  .object({
    customerGUID: z.string().optional(),
    reporter: z.string().default(""),
    target: z.string().default(""),
    status: z.string().default(""),
    action: z.string().default(""),
    errors: z.array(z.string()).nullish(),
    actionID: z.union([z.string(), z.number()]).optional(),
    numSeq: z.number().int().optional(),
    jobID: z.string().min(1, "jobID is required"),
    parentAction: z.string().optional(),
    details: z.string().optional(),
    timestamp: z.string().optional(),
    clusterName: z.string().optional(),
  })
  .loose();
export type IncomingBaseReport = z.infer<typeof IncomingBaseReportSchema>;

/** The cluster named by a target such as `wlid://cluster-c1/namespace-x/...`. */
export function clusterOfTarget(target: string): string {
  const m = /cluster-([^/]+)/.exec(target);
  return m?.[1] ?? "";
}

/** A job event; its id is a hash of what identifies it, so a retried POST is stored once. */
export function jobEventFrom(report: IncomingBaseReport, receivedAt: number, cluster = ""): JobEvent {
  const identity = [report.jobID, report.reporter, report.action, report.status, String(report.actionID ?? ""), String(report.numSeq ?? ""), report.timestamp ?? "", report.details ?? ""].join("\u0000");
  return {
    eventId: new Bun.CryptoHasher("sha256").update(identity).digest("hex").slice(0, 32),
    jobId: report.jobID,
    parentId: report.parentAction ?? "",
    cluster: cluster || report.clusterName || clusterOfTarget(report.target),
    reporter: report.reporter,
    action: report.action,
    status: report.status,
    target: report.target,
    details: report.details ?? "",
    errors: report.errors ?? [],
    reportedAt: report.timestamp ?? new Date(receivedAt).toISOString(),
    receivedAt,
  };
}
