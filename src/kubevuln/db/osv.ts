import { z } from "zod";

/** The parts of an OSV record (schema 1.x) the database keeps; unknown fields are ignored. */
const OsvEvent = z
  .object({ introduced: z.string().optional(), fixed: z.string().optional(), last_affected: z.string().optional(), limit: z.string().optional() })
  .loose();

const OsvRange = z.object({ type: z.string(), events: z.array(OsvEvent).default([]), repo: z.string().optional() }).loose();

const OsvSeverity = z.object({ type: z.string(), score: z.string() }).loose();

export const OsvRecordSchema = z
  .object({
    id: z.string().min(1),
    modified: z.string().default(""),
    published: z.string().optional(),
    withdrawn: z.string().optional(),
    aliases: z.array(z.string()).nullish().transform((a) => a ?? []),
    related: z.array(z.string()).nullish().transform((a) => a ?? []),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: z.array(OsvSeverity).nullish().transform((a) => a ?? []),
    affected: z
      .array(
        z
          .object({
            package: z.object({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }).loose().optional(),
            ranges: z.array(OsvRange).default([]),
            versions: z.array(z.string()).default([]),
            severity: z.array(OsvSeverity).nullish().transform((a) => a ?? []),
            ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
            database_specific: z.record(z.string(), z.unknown()).optional(),
          })
          .loose(),
      )
      .default([]),
    references: z.array(z.object({ type: z.string().optional(), url: z.string() }).loose()).nullish().transform((a) => a ?? []),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type OsvRecord = z.infer<typeof OsvRecordSchema>;

export type RangeEvent = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };
export interface StoredRange {
  type: string;
  events: RangeEvent[];
}
