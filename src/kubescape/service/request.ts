import { z } from "zod";
import { PostureExceptionPolicySchema } from "../engine/exceptions.ts";

/** Go's strconv.ParseBool spellings, plus real booleans (kubescape's BoolPtrFlag). */
const goBool = z.union([z.boolean(), z.enum(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]).transform((s) => ["1", "t", "T", "TRUE", "true", "True"].includes(s))]);

/** opa-utils httpserver/meta/v1 PostScanRequest, with kubescape's field names. */
export const PostScanRequestSchema = z
  .object({
    format: z.string().optional(),
    account: z.string().optional(),
    accessKey: z.string().optional(),
    failThreshold: z.number().min(0).max(100).optional(),
    complianceThreshold: z.number().min(0).max(100).optional(),
    excludedNamespaces: z.array(z.string()).optional(),
    includeNamespaces: z.array(z.string()).optional(),
    targetNames: z.array(z.string()).optional(),
    targetType: z
      .string()
      .optional()
      .refine((t) => t === undefined || t === "" || ["framework", "control", "rule"].includes(t.toLowerCase()), "targetType must be Framework, Control or Rule"),
    submit: goBool.optional(),
    hostScanner: goBool.optional(),
    keepLocal: goBool.optional(),
    useCachedArtifacts: goBool.optional(),
    scanObject: z.unknown().optional(),
    isDeletedScanObject: goBool.optional(),
    exceptions: z.array(PostureExceptionPolicySchema).optional(),
  })
  .loose();

export type PostScanRequest = z.infer<typeof PostScanRequestSchema>;

const CANONICAL = new Map(Object.keys(PostScanRequestSchema.shape).map((k) => [k.toLowerCase(), k]));

/** Go's encoding/json matches struct keys case-insensitively: accept `TargetNames`, `targetnames`... */
export function canonicalizeKeys(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[CANONICAL.get(k.toLowerCase()) ?? k] = v;
  return out;
}

export function parsePostScanRequest(body: unknown): { ok: true; value: PostScanRequest } | { ok: false; message: string } {
  const parsed = PostScanRequestSchema.safeParse(canonicalizeKeys(body ?? {}));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${issue.path.join(".") || "body"}: ${issue.message}` };
}

/** Query booleans as Go's schema decoder reads them. */
export function queryBool(v: string | undefined): boolean {
  return v !== undefined && ["1", "t", "T", "TRUE", "true", "True"].includes(v);
}
