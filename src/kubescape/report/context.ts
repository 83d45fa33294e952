import type { ScanResult } from "../engine/results.ts";

/** What a report needs besides the results: who/what/when (no clock inside the renderers). */
export interface ReportContext {
  generationTime: string;
  reportGUID: string;
  jobID?: string;
  customerGUID?: string;
  clusterName?: string;
  /** "Framework" | "Control" */
  targetType: string;
  targetNames: readonly string[];
  /** Paths scanned ("cluster" for a live scan). */
  scannedPaths?: readonly string[];
  kubescapeVersion: string;
  failThreshold?: number;
  includeNamespaces?: readonly string[];
  excludeNamespaces?: readonly string[];
  hostScanner?: boolean;
}

export interface Rendered {
  result: ScanResult;
  context: ReportContext;
}

export const SEVERITY_ORDER = ["Critical", "High", "Medium", "Low", "Unknown"] as const;

/** A rule name for each control (kubescape reports results per rule; ours have one rule each). */
export function ruleNameOf(controlName: string): string {
  return controlName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
