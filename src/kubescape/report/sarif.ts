import type { ControlMeta, RulePaths } from "../types.ts";
import type { ScanResult } from "../engine/results.ts";
import type { ReportContext } from "./context.ts";
import { locatePath } from "./locatePath.ts";

function level(severity: ControlMeta["severity"]): "error" | "warning" | "note" {
  return severity === "Critical" || severity === "High" ? "error" : severity === "Medium" ? "warning" : "note";
}

function pathText(p: RulePaths): string | undefined {
  return p.failedPath ?? p.deletePath ?? p.fixPath?.path ?? p.reviewPath;
}

export interface SarifOptions {
  /** Reads a scanned file (to point results at the failing line); omit to use the document start. */
  readSource?: (file: string) => string | undefined;
  /** Makes artifact URIs relative to this folder. */
  baseDir?: string;
}

function relativeUri(file: string, baseDir?: string): string {
  const rel = baseDir && file.startsWith(`${baseDir.replace(/\/$/, "")}/`) ? file.slice(baseDir.replace(/\/$/, "").length + 1) : file;
  return rel.split("/").map(encodeURIComponent).join("/");
}

/** SARIF 2.1.0: one rule per control that ran, one result per failed (or excepted = suppressed) resource. */
export function renderSarif(result: ScanResult, ctx: ReportContext, options: SarifOptions = {}): string {
  const ran = result.controls.filter((c) => c.status !== "skipped");
  const rules = ran.map((c) => ({
    id: c.control.id,
    name: c.control.name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : "")),
    shortDescription: { text: c.control.name },
    fullDescription: { text: c.control.description || c.control.name },
    help: { text: c.control.remediation || c.control.name },
    helpUri: `https://hub.armosec.io/docs/${c.control.id.toLowerCase()}`,
    defaultConfiguration: { level: level(c.control.severity) },
    properties: { "security-severity": c.control.baseScore.toFixed(1), tags: ["security", "kubernetes"], severity: c.control.severity },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const cache = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, options.readSource?.(file));
    return cache.get(file);
  };
  const results: unknown[] = [];
  for (const c of ran) {
    const entries = [...c.failed.map((f) => ({ ...f, exceptions: undefined as string[] | undefined })), ...c.excepted];
    for (const f of entries) {
      const id = result.resourceIds[f.resource]!;
      const src = result.sources[f.resource];
      const path = f.paths.map(pathText).find((p) => p !== undefined);
      const message = `${c.control.name}: ${id}${path ? ` (${path})` : ""}. ${c.control.remediation}`.trim();
      let location: unknown;
      if (src) {
        const text = read(src.file);
        const line = text && path ? (locatePath(text, src.line, path) ?? src.line) : src.line;
        location = { physicalLocation: { artifactLocation: { uri: relativeUri(src.file, options.baseDir) }, region: { startLine: line } } };
      } else {
        location = { logicalLocations: [{ fullyQualifiedName: id, kind: "resource" }] };
      }
      const entry: Record<string, unknown> = {
        ruleId: c.control.id,
        ruleIndex: ruleIndex.get(c.control.id),
        level: level(c.control.severity),
        message: { text: message },
        locations: [location],
      };
      if (f.exceptions) entry.suppressions = [{ kind: "external", justification: `excepted by ${f.exceptions.join(", ")}` }];
      results.push(entry);
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kubescape", informationUri: "https://github.com/kubescape/kubescape", semanticVersion: ctx.kubescapeVersion.replace(/^v/, ""), rules } },
        results,
        invocations: [{ executionSuccessful: true, endTimeUtc: ctx.generationTime }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
