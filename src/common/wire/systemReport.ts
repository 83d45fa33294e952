import { z } from "zod";

/** BaseReport: job status sent to the event receiver's `/k8s/sysreport` (wire spec §8.3). */
export const BaseReportSchema = z.object({
  customerGUID: z.string(),
  reporter: z.string(),
  target: z.string().default(""),
  status: z.enum(["started", "success", "failure", "warning", "done", "in progress"]),
  action: z.string().default(""),
  errors: z.array(z.string()).optional(),
  actionID: z.string().optional(),
  numSeq: z.number().int().optional(),
  jobID: z.string(),
  parentAction: z.string().optional(),
  details: z.string().optional(),
  timestamp: z.string(),
});
export type BaseReport = z.infer<typeof BaseReportSchema>;

/** `{chunkNumber, isLastChunk}`: shared by posture and container-scan report chunks (§8.2). */
export const PaginationInfoSchema = z.object({
  chunkNumber: z.number().int().min(0),
  isLastChunk: z.boolean(),
});
export type PaginationInfo = z.infer<typeof PaginationInfoSchema>;
