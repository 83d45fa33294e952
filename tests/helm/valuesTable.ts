/**
 * The chart README's values table, generated from values.yaml: a key preceded by a `# --`
 * comment is one row (type, default, description); a map without one is walked into.
 * `bun tests/helm/valuesTable.ts --write` rewrites the table in the README; the unit test
 * checks they agree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Document, isMap, isScalar, parseDocument, type YAMLMap } from "yaml";

export const CHART_DIR = join(import.meta.dir, "../../helm/kubescape-cloud-operator");
export const TABLE_START = "<!-- values-table:start -->";
export const TABLE_END = "<!-- values-table:end -->";

export interface ValueRow {
  key: string;
  type: string;
  default: unknown;
  description: string;
}

/** The `# --` paragraph of a comment, or undefined when the key is not documented. */
function docComment(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split("\n").map((l) => l.trim());
  const start = lines.findLastIndex((l) => l.startsWith("--"));
  if (start < 0) return undefined;
  return lines
    .slice(start)
    .join(" ")
    .replace(/^--\s*/, "")
    .trim();
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "list";
  if (value === null) return "string";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return typeof value;
}

/** Every documented key; throws naming a leaf that has no `# --` comment. */
export function valueRows(valuesYaml: string): ValueRow[] {
  const doc: Document = parseDocument(valuesYaml);
  const rows: ValueRow[] = [];
  const walk = (map: YAMLMap, prefix: string) => {
    map.items.forEach((pair, i) => {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const comment = docComment((isScalar(keyNode) ? keyNode.commentBefore : undefined) ?? (i === 0 ? map.commentBefore : undefined));
      const path = prefix + key;
      const value = pair.value as { toJSON?: () => unknown } | null;
      if (comment === undefined && isMap(value) && value.items.length > 0) return walk(value, `${path}.`);
      if (comment === undefined) throw new Error(`values.yaml: ${path} has no "# --" description`);
      const json = value && typeof value.toJSON === "function" ? value.toJSON() : (value as unknown);
      rows.push({ key: path, type: typeOf(json), default: json, description: comment });
    });
  };
  if (!isMap(doc.contents)) throw new Error("values.yaml: expected a map");
  walk(doc.contents, "");
  return rows;
}

export function valuesTable(rows: ValueRow[]): string {
  const cell = (s: string) => s.replaceAll("|", "\\|");
  const lines = ["| Key | Type | Default | Description |", "|---|---|---|---|"];
  for (const r of rows) lines.push(`| \`${r.key}\` | ${r.type} | \`${cell(JSON.stringify(r.default))}\` | ${cell(r.description)} |`);
  return lines.join("\n");
}

/** The table currently between the README markers. */
export function readmeTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("README.md: values-table markers missing");
  return readme.slice(start + TABLE_START.length, end).trim();
}

if (import.meta.main && process.argv.includes("--write")) {
  const readmePath = join(CHART_DIR, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const table = valuesTable(valueRows(readFileSync(join(CHART_DIR, "values.yaml"), "utf8")));
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  writeFileSync(readmePath, `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`);
  console.log(`wrote ${table.split("\n").length - 2} rows`);
}
