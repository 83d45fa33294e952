import { HttpError } from "../errors.ts";

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  details?: unknown;
}

interface ValidationLike {
  all?: Array<{ path?: string; message?: string; summary?: string }>;
  type?: string;
}

/** Maps any error Elysia hands us to a status and a JSON body that names the problem. */
export function toErrorResponse(code: string | number, error: unknown, path: string): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: error.status >= 500 ? "internal" : "bad request", message: error.message, ...(error.details ? { details: error.details } : {}) } };
  }
  switch (code) {
    case "VALIDATION": {
      const v = error as ValidationLike;
      const issues = (v.all ?? []).map((i) => ({ field: normaliseField(i.path), message: i.summary ?? i.message ?? "invalid" }));
      const first = issues[0];
      return {
        status: 400,
        body: {
          error: "validation",
          message: first ? `${first.field}: ${first.message}` : "request does not match the schema",
          field: first?.field,
          details: issues,
        },
      };
    }
    case "PARSE":
      return { status: 400, body: { error: "malformed body", message: "the request body could not be parsed as the declared content type" } };
    case "NOT_FOUND":
      return { status: 404, body: { error: "not found", message: `no route for ${path}` } };
    case "INVALID_COOKIE_SIGNATURE":
      return { status: 400, body: { error: "bad cookie", message: "invalid cookie signature" } };
    default: {
      const status = typeof code === "number" ? code : 500;
      if (status >= 400 && status < 500) {
        return { status, body: { error: "bad request", message: error instanceof Error ? error.message : String(error) } };
      }
      return { status: 500, body: { error: "internal", message: "internal error" } };
    }
  }
}

function normaliseField(path: string | undefined): string {
  if (!path || path === "root" || path === "/") return "body";
  return path.replace(/^\//, "").replaceAll("/", ".");
}
