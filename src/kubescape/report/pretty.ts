import type { ControlOutcome, ScanResult } from "../engine/results.ts";
import type { ControlMeta } from "../types.ts";
import { type ReportContext, SEVERITY_ORDER } from "./context.ts";

const ANSI = { reset: "\x1b[0m", bold: "\x1b[1m", red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", green: "\x1b[32m", gray: "\x1b[90m" };

function paint(text: string, codes: string[], color: boolean): string {
  return color && codes.length > 0 ? `${codes.join("")}${text}${ANSI.reset}` : text;
}

export function severityColour(s: ControlMeta["severity"]): string[] {
  return s === "Critical" ? [ANSI.bold, ANSI.red] : s === "High" ? [ANSI.red] : s === "Medium" ? [ANSI.yellow] : s === "Low" ? [ANSI.cyan] : [ANSI.gray];
}

function cut(s: string, width: number): string {
  return s.length <= width ? s.padEnd(width) : `${s.slice(0, width - 1)}…`;
}

export interface PrettyOptions {
  color?: boolean;
  /** Also list each failed resource under its control. */
  verbose?: boolean;
}

function statusCell(c: ControlOutcome): string {
  if (c.status === "skipped") return "skipped";
  if (c.subStatus === "irrelevant") return "irrelevant";
  return c.status;
}

/** The terminal table: controls sorted by severity then failures, severity coloured, then the frameworks. */
export function renderPretty(result: ScanResult, ctx: ReportContext, options: PrettyOptions = {}): string {
  const color = options.color ?? false;
  const rank = (s: ControlMeta["severity"]) => SEVERITY_ORDER.indexOf(s);
  const rows = [...result.controls].sort((a, b) => rank(a.control.severity) - rank(b.control.severity) || b.counters.failed - a.counters.failed || a.control.id.localeCompare(b.control.id));
  const lines: string[] = [];
  const header = `${"SEVERITY".padEnd(9)} ${"CONTROL".padEnd(7)} ${"NAME".padEnd(52)} ${"FAILED".padStart(6)} ${"ALL".padStart(6)} ${"COMPLIANCE".padStart(10)}  STATUS`;
  lines.push(paint(header, [ANSI.bold], color), "─".repeat(header.length + 4));
  for (const c of rows) {
    const all = c.counters.failed + c.counters.passed + c.counters.excepted;
    const compliance = c.status === "skipped" || c.complianceScore === undefined ? "-" : `${c.complianceScore.toFixed(0)}%`;
    const status = statusCell(c);
    const statusPainted = status === "failed" ? paint(status, [ANSI.red], color) : status === "passed" ? paint(status, [ANSI.green], color) : paint(status, [ANSI.gray], color);
    lines.push(
      `${paint(c.control.severity.padEnd(9), severityColour(c.control.severity), color)} ${c.control.id.padEnd(7)} ${cut(c.control.name, 52)} ${String(c.counters.failed).padStart(6)} ${String(all).padStart(6)} ${compliance.padStart(10)}  ${statusPainted}`,
    );
    if (options.verbose) {
      for (const f of c.failed) {
        const src = result.sources[f.resource];
        lines.push(paint(`          ${result.resourceIds[f.resource]}${src ? `  ${src.file}:${src.line}` : ""}`, [ANSI.gray], color));
      }
      for (const e of c.excepted) lines.push(paint(`          ${result.resourceIds[e.resource]}  excepted by ${e.exceptions.join(", ")}`, [ANSI.gray], color));
    }
  }
  lines.push("");
  if (result.frameworks.length > 0) {
    lines.push(paint("FRAMEWORK                 COMPLIANCE   RISK   FAILED CONTROLS", [ANSI.bold], color));
    for (const f of result.frameworks) {
      lines.push(`${f.name.padEnd(25)} ${`${f.complianceScore.toFixed(2)}%`.padStart(10)} ${f.riskScore.toFixed(2).padStart(6)}   ${f.controlCounters.failed}/${f.controlIds.length}`);
    }
    lines.push("");
  }
  const cc = result.controlCounters;
  const rc = result.resourceCounters;
  lines.push(`Controls: ${cc.failed} failed, ${cc.passed} passed, ${cc.excepted} excepted, ${cc.skipped} skipped`);
  lines.push(`Resources: ${rc.failed} failed, ${rc.passed} passed, ${rc.excepted} excepted`);
  lines.push(paint(`Compliance score: ${result.complianceScore.toFixed(2)}%   Risk score: ${result.riskScore.toFixed(2)}`, [ANSI.bold], color));
  if (ctx.scannedPaths?.length) lines.push(paint(`Scanned: ${ctx.scannedPaths.join(", ")}`, [ANSI.gray], color));
  return `${lines.join("\n")}\n`;
}
