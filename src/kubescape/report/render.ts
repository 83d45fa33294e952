import { readFileSync } from "node:fs";
import type { ScanResult } from "../engine/results.ts";
import type { ReportContext } from "./context.ts";
import { renderHtml } from "./html.ts";
import { renderJunit } from "./junit.ts";
import { renderPolicyReports } from "./policyReport.ts";
import { buildPostureReport, writePostureReport } from "./postureReport.ts";
import { renderPretty } from "./pretty.ts";
import { renderPrometheus } from "./prometheus.ts";
import { renderSarif } from "./sarif.ts";

export const REPORT_FORMATS = ["pretty", "json", "junit", "sarif", "prometheus", "html", "policyreport"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}

export interface RenderOptions {
  color?: boolean;
  verbose?: boolean;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Renders a scan in one of the output formats. */
export function renderReport(format: ReportFormat, result: ScanResult, ctx: ReportContext, options: RenderOptions = {}): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(buildPostureReport(result, ctx))}\n`;
    case "junit":
      return renderJunit(result, ctx);
    case "sarif":
      return renderSarif(result, ctx, { readSource: readIfExists, baseDir: process.cwd() });
    case "prometheus":
      return renderPrometheus(result, ctx);
    case "html":
      return renderHtml(result, ctx);
    case "policyreport":
      return renderPolicyReports(result, ctx);
    case "pretty":
      return renderPretty(result, ctx, options);
  }
}

/**
 * Renders to a sink piece by piece: the json report is streamed one resource at a time (large
 * scans), the other formats are written whole.
 */
export function writeReport(format: ReportFormat, result: ScanResult, ctx: ReportContext, write: (chunk: string) => void, options: RenderOptions = {}): void {
  if (format === "json") {
    writePostureReport(result, ctx, write);
    write("\n");
    return;
  }
  write(renderReport(format, result, ctx, options));
}
