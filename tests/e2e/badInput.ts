/**
 * Generates malformed, wrong-typed, incomplete and oversized requests for every JSON route an
 * OpenAPI document (a component's /swagger/json) declares, so a suite can throw them at the
 * running component and check it answers 4xx and stays up.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: Array<{ in: string; name: string; schema?: JsonSchema; required?: boolean }> }>>;
}

export interface BadRequest {
  method: string;
  path: string;
  kind: "malformed" | "wrong-type" | "missing-required" | "oversized" | "wrong-query-type";
  description: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function wrongValueFor(schema: JsonSchema): unknown | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.enum) return "__not_in_enum__";
  if (types.length === 0) return undefined; // untyped: anything goes
  if (types.includes("string")) return types.includes("number") || types.includes("integer") || types.includes("object") ? undefined : { not: "a string" };
  if (types.includes("integer") || types.includes("number")) return "not-a-number";
  if (types.includes("boolean")) return { not: "a boolean" };
  if (types.includes("array")) return 42;
  if (types.includes("object")) return "not-an-object";
  return undefined;
}

function wrongQueryValue(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.enum) return "__not_in_enum__";
  if (types.includes("string")) return undefined;
  if (types.includes("integer") || types.includes("number")) return "not-a-number";
  if (types.includes("boolean")) return "not-a-boolean";
  return undefined;
}

/** A minimal valid-looking value so that only the broken field is wrong. */
function sampleFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return "x";
  if (schema.enum) return schema.enum[0];
  const t = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (t) {
    case "string":
      return "x";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return sampleObject(schema);
    default:
      return schema.anyOf?.[0] || schema.oneOf?.[0] ? sampleFor(schema.anyOf?.[0] ?? schema.oneOf?.[0]) : "x";
  }
}

function sampleObject(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of schema.required ?? []) out[key] = sampleFor(schema.properties?.[key]);
  return out;
}

export function generateBadRequests(doc: OpenApiDoc, oversizeBytes: number): BadRequest[] {
  const out: BadRequest[] = [];
  const json = { "content-type": "application/json" };
  // One buffer shared by every oversized request: memory stays at one body whatever the route count.
  const oversized = new Uint8Array(oversizeBytes).fill(0x20);
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    if (path.includes("{")) continue;
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      for (const p of op.parameters ?? []) {
        if (p.in !== "query" || !p.schema) continue;
        const wrong = wrongQueryValue(p.schema);
        if (wrong === undefined) continue;
        out.push({ method: m, path: `${path}?${encodeURIComponent(p.name)}=${encodeURIComponent(wrong)}`, kind: "wrong-query-type", description: `query ${p.name}=${wrong}`, headers: {} });
      }
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      if (!schema || !["POST", "PUT", "PATCH"].includes(m)) continue;
      for (const [label, body] of [
        ["truncated JSON", '{"a":'],
        ["not JSON", "<xml/>"],
        ["NUL bytes", "\u0000\u0000"],
        ["deeply nested", "[".repeat(20000) + "]".repeat(20000)],
      ] as const) {
        out.push({ method: m, path, kind: "malformed", description: label, headers: json, body });
      }
      out.push({ method: m, path, kind: "oversized", description: `${oversizeBytes} bytes`, headers: json, body: oversized });
      if (schema.type === "object" || schema.properties) {
        const base = sampleObject(schema);
        for (const key of schema.required ?? []) {
          const copy = { ...base };
          delete copy[key];
          out.push({ method: m, path, kind: "missing-required", description: `without ${key}`, headers: json, body: JSON.stringify(copy) });
        }
        for (const [key, prop] of Object.entries(schema.properties ?? {})) {
          const wrong = wrongValueFor(prop);
          if (wrong === undefined) continue;
          out.push({ method: m, path, kind: "wrong-type", description: `${key}=${JSON.stringify(wrong)}`, headers: json, body: JSON.stringify({ ...base, [key]: wrong }) });
        }
        if (schema.type === "object") out.push({ method: m, path, kind: "wrong-type", description: "array instead of object", headers: json, body: "[1,2,3]" });
      }
    }
  }
  return out;
}

export interface BadInputOutcome {
  request: BadRequest;
  status: number;
  jsonError: boolean;
}

/** Sends every bad request; returns what came back (status 0 = connection failed). */
export async function sendBadRequests(baseUrl: string, requests: BadRequest[], extraHeaders: Record<string, string> = {}): Promise<BadInputOutcome[]> {
  const outcomes: BadInputOutcome[] = [];
  for (const request of requests) {
    try {
      const res = await fetch(baseUrl + request.path, { method: request.method, headers: { ...request.headers, ...extraHeaders }, body: request.body as BodyInit | undefined, signal: AbortSignal.timeout(15_000) });
      const text = await res.text();
      let jsonError = false;
      try {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        jsonError = typeof parsed === "object" && parsed !== null && ("error" in parsed || "message" in parsed || "title" in parsed || "detail" in parsed);
      } catch {
        jsonError = false;
      }
      outcomes.push({ request, status: res.status, jsonError });
    } catch {
      outcomes.push({ request, status: 0, jsonError: false });
    }
  }
  return outcomes;
}
