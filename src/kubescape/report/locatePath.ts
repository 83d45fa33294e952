import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";

/** `spec.template.spec.containers[0].securityContext` → ["spec","template","spec","containers",0,"securityContext"]. */
export function splitPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}

/**
 * The 1-based line of a kubescape path inside the document that starts at `docLine`, or the
 * deepest existing parent's line when the path does not exist (a missing field is reported
 * where it should be added). Undefined when the document is not found.
 */
export function locatePath(text: string, docLine: number, path: string): number | undefined {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list.find((d) => d.contents?.range && lineCounter.linePos(d.contents.range[0]).line === docLine) ?? (list.length === 1 ? list[0] : undefined);
  if (!doc?.contents) return undefined;
  let node: unknown = doc.contents;
  let line = lineCounter.linePos((doc.contents as Node).range?.[0] ?? 0).line;
  for (const part of splitPath(path)) {
    let next: unknown;
    let keyLine: number | undefined;
    if (isMap(node) && typeof part === "string") {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (pair) {
        next = pair.value;
        const k = pair.key as Node | null;
        if (k?.range) keyLine = lineCounter.linePos(k.range[0]).line;
      }
    } else if (isSeq(node) && typeof part === "number") {
      next = node.items[part];
      const n = next as Node | undefined;
      if (n?.range) keyLine = lineCounter.linePos(n.range[0]).line;
    }
    if (next === undefined) break;
    node = next;
    if (keyLine !== undefined) line = keyLine;
  }
  return line;
}
