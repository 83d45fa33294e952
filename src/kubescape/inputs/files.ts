import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type ParsedObject, type ParseProblem, parseManifests } from "./parseManifests.ts";
import { isHelmChart, renderHelmChart } from "./helm.ts";

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set([".git", "node_modules"]);

export interface LoadedManifests {
  objects: ParsedObject[];
  problems: ParseProblem[];
  /** Files read (and charts rendered). */
  files: string[];
}

/**
 * Loads every manifest under the given paths: single files, folders (recursive, *.yaml *.yml
 * *.json) and Helm charts (a folder with Chart.yaml, rendered with the real `helm template`).
 * "-" reads stdin.
 */
export async function loadManifestPaths(paths: readonly string[], options: { stdin?: () => Promise<string>; helmBinary?: string } = {}): Promise<LoadedManifests> {
  const out: LoadedManifests = { objects: [], problems: [], files: [] };
  for (const p of paths) {
    if (p === "-") {
      const text = await (options.stdin ?? readStdin)();
      add(out, parseManifests(text, "stdin"), "stdin");
      continue;
    }
    if (!existsSync(p)) {
      out.problems.push({ file: p, line: 0, message: "no such file or directory" });
      continue;
    }
    await walk(p, out, options.helmBinary);
  }
  return out;
}

function add(out: LoadedManifests, parsed: { objects: ParsedObject[]; problems: ParseProblem[] }, file: string): void {
  for (const o of parsed.objects) out.objects.push(o);
  for (const p of parsed.problems) out.problems.push(p);
  out.files.push(file);
}

async function walk(path: string, out: LoadedManifests, helmBinary?: string): Promise<void> {
  const st = statSync(path);
  if (st.isFile()) {
    add(out, parseManifests(readFileSync(path, "utf8"), path), path);
    return;
  }
  if (!st.isDirectory()) return;
  if (isHelmChart(path)) {
    try {
      const rendered = await renderHelmChart(path, { helmBinary });
      add(out, rendered, path);
    } catch (err) {
      out.problems.push({ file: path, line: 0, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) await walk(full, out, helmBinary);
    else if (entry.isFile() && MANIFEST_EXT.test(entry.name) && !isChartMetadata(path, entry.name)) add(out, parseManifests(readFileSync(full, "utf8"), full), full);
  }
}

function isChartMetadata(dir: string, name: string): boolean {
  return /^(Chart|values)\.ya?ml$/.test(name) && existsSync(join(dir, "Chart.yaml"));
}

async function readStdin(): Promise<string> {
  return await new Response(Bun.stdin.stream()).text();
}

export function displayPath(file: string, base = process.cwd()): string {
  const rel = relative(base, file);
  return rel.startsWith("..") ? file : rel;
}
