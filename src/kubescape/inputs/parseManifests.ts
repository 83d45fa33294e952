import { LineCounter, parseAllDocuments } from "yaml";
import type { K8sObject, SourceLocation } from "../types.ts";

export interface ParsedObject {
  object: K8sObject;
  source: SourceLocation;
}

export interface ParseProblem {
  file: string;
  line: number;
  message: string;
}

function isK8sObject(v: unknown): v is K8sObject {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.kind === "string" && typeof o.apiVersion === "string" && !!o.metadata && typeof o.metadata === "object" && typeof (o.metadata as Record<string, unknown>).name === "string";
}

/** A `kind: List` (or FooList with items) is unpacked into its items. */
function collect(value: unknown, source: SourceLocation, out: ParsedObject[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, source, out);
    return;
  }
  if (!value || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  if (typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) {
    const itemKind = o.kind === "List" ? undefined : o.kind.slice(0, -4);
    for (const item of o.items as Record<string, unknown>[]) {
      if (item && typeof item === "object" && itemKind && !item.kind) item.kind = itemKind;
      if (item && typeof item === "object" && !item.apiVersion && typeof o.apiVersion === "string") item.apiVersion = o.apiVersion;
      collect(item, source, out);
    }
    return;
  }
  if (isK8sObject(value)) out.push({ object: value, source });
}

/**
 * Parses manifest text (YAML, multi-document, or JSON) into Kubernetes objects, each with the
 * file and 1-based line where its document starts. Documents that are not Kubernetes objects
 * are ignored; syntax errors are returned as problems, never thrown.
 */
export function parseManifests(text: string, file: string): { objects: ParsedObject[]; problems: ParseProblem[] } {
  const objects: ParsedObject[] = [];
  const problems: ParseProblem[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      collect(JSON.parse(text), { file, line: 1 + (text.length - trimmed.length > 0 ? text.slice(0, text.length - trimmed.length).split("\n").length - 1 : 0) }, objects);
      return { objects, problems };
    } catch {
      // Not plain JSON (YAML flow style is a JSON superset): fall through to the YAML parser.
    }
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      problems.push({ file, line: e.linePos?.[0]?.line ?? 1, message: e.message.split("\n")[0] ?? "YAML error" });
      continue;
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    try {
      collect(doc.toJS({ maxAliasCount: 1000 }), { file, line }, objects);
    } catch (err) {
      problems.push({ file, line, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { objects, problems };
}
