import { readFileSync } from "node:fs";
import type { KubeConfig } from "../common/kube.ts";
import type { Logger } from "../common/log.ts";
import { VERSION } from "../common/version.ts";
import { allControls } from "./controls/index.ts";
import { mergeControlInputs } from "./engine/defaultInputs.ts";
import { evaluateControls } from "./engine/evaluate.ts";
import { memoryGuard } from "./engine/memoryGuard.ts";
import { type PostureExceptionPolicy, parseExceptions } from "./engine/exceptions.ts";
import type { ScanResult } from "./engine/results.ts";
import { planScan } from "./engine/selection.ts";
import type { ParseProblem } from "./inputs/parseManifests.ts";
import { snapshotFromCluster, snapshotFromPaths } from "./inputs/snapshot.ts";
import type { ReportContext } from "./report/context.ts";
import type { Control } from "./types.ts";

/** One scan, as the CLI and the service describe it. */
export interface ScanRequest {
  targetType: "framework" | "control";
  /** Framework names or control IDs; empty = every framework. */
  targetNames: string[];
  /** Files/folders/charts/"-"; empty = the live cluster. */
  paths: string[];
  includeNamespaces?: string[];
  excludeNamespaces?: string[];
  exceptions?: PostureExceptionPolicy[];
  /** A controls-inputs document (map, or the full {settings:{postureControlInputs}}). */
  controlInputs?: unknown;
  hostScannerNamespace?: string;
  clusterName?: string;
  failThreshold?: number;
  /** File scans: skip cluster-only controls as kubescape does (default true). */
  strictFileScope?: boolean;
}

export interface ScanDeps {
  kubeConfig?: () => KubeConfig;
  logger?: Logger;
  now?: () => Date;
  newId?: () => string;
  controls?: readonly Control[];
  stdin?: () => Promise<string>;
}

export interface ScanOutcome {
  result: ScanResult;
  context: ReportContext;
  problems: ParseProblem[];
}

/** Selection → snapshot (files or cluster) → evaluation: everything a scan does, I/O injected. */
export async function runScan(req: ScanRequest, deps: ScanDeps = {}): Promise<ScanOutcome> {
  const plan = planScan(req.targetType === "control" ? { controlIds: req.targetNames } : { frameworks: req.targetNames }, deps.controls ?? allControls);
  const filter = { include: req.includeNamespaces, exclude: req.excludeNamespaces };
  const live = req.paths.length === 0;
  let snapshot;
  if (live) {
    const kc = deps.kubeConfig?.();
    if (!kc) throw new Error("no kubeconfig available for a cluster scan");
    snapshot = await snapshotFromCluster(kc, { filter, hostScannerNamespace: req.hostScannerNamespace, logger: deps.logger });
  } else {
    snapshot = await snapshotFromPaths(req.paths, { filter, stdin: deps.stdin });
  }
  const result = evaluateControls(snapshot.index, plan.controls, mergeControlInputs(req.controlInputs), req.exceptions ?? [], {
    frameworks: plan.frameworks,
    missingControlIds: plan.missingControlIds,
    clusterName: req.clusterName,
    onControlError: (id, err) => deps.logger?.error({ controlId: id, err }, "control failed; reported as skipped"),
    afterControl: memoryGuard(),
    strictFileScope: req.strictFileScope,
  });
  const context: ReportContext = {
    generationTime: (deps.now?.() ?? new Date()).toISOString(),
    reportGUID: deps.newId?.() ?? crypto.randomUUID(),
    clusterName: req.clusterName,
    targetType: req.targetType === "control" ? "Control" : "Framework",
    targetNames: req.targetType === "control" ? plan.controls.map((c) => c.id).concat(plan.missingControlIds) : plan.frameworks,
    scannedPaths: live ? ["cluster"] : req.paths,
    kubescapeVersion: `v${VERSION}`,
    failThreshold: req.failThreshold,
    includeNamespaces: req.includeNamespaces,
    excludeNamespaces: req.excludeNamespaces,
    hostScanner: !!req.hostScannerNamespace,
  };
  return { result, context, problems: snapshot.problems };
}

/** Exceptions from a file (JSON or YAML list of postureExceptionPolicy). */
export async function loadExceptionsFile(path: string): Promise<PostureExceptionPolicy[]> {
  const text = readFileSync(path, "utf8");
  const { parse } = await import("yaml");
  return parseExceptions(text.trimStart().startsWith("[") || text.trimStart().startsWith("{") ? JSON.parse(text) : parse(text));
}

/**
 * Exceptions from a ConfigMap: every data value that parses as a policy list (kubescape keeps
 * them under one key; which key is not fixed).
 */
export async function loadExceptionsConfigMap(kc: KubeConfig, namespace: string, name: string): Promise<PostureExceptionPolicy[]> {
  const res = await kc.fetch(`/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${encodeURIComponent(name)}`);
  if (res.status === 404) {
    await res.body?.cancel();
    return [];
  }
  if (!res.ok) throw new Error(`reading ConfigMap ${namespace}/${name} answered ${res.status}`);
  const cm = (await res.json()) as { data?: Record<string, string> };
  const out: PostureExceptionPolicy[] = [];
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    let doc: unknown;
    try {
      doc = JSON.parse(value);
    } catch {
      continue;
    }
    try {
      out.push(...parseExceptions(doc));
    } catch (err) {
      throw new Error(`ConfigMap ${namespace}/${name} key ${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

export const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
export type SeverityName = keyof typeof SEVERITY_RANK;

/**
 * Kubescape's exit rule: 1 when the risk score is above --fail-threshold, the compliance score
 * below --compliance-threshold, or a control at or above --severity-threshold failed; else 0.
 */
export function thresholdExceeded(result: ScanResult, t: { failThreshold?: number; complianceThreshold?: number; severityThreshold?: SeverityName }): string | undefined {
  if (t.failThreshold !== undefined && result.riskScore > t.failThreshold) return `risk score ${result.riskScore} is above the fail threshold ${t.failThreshold}`;
  if (t.complianceThreshold !== undefined && result.complianceScore < t.complianceThreshold) return `compliance score ${result.complianceScore} is below the compliance threshold ${t.complianceThreshold}`;
  if (t.severityThreshold) {
    const min = SEVERITY_RANK[t.severityThreshold];
    const hit = result.controls.find((c) => c.status === "failed" && (SEVERITY_RANK[c.control.severity.toLowerCase() as SeverityName] ?? 0) >= min);
    if (hit) return `control ${hit.control.id} (${hit.control.severity}) failed at or above the severity threshold ${t.severityThreshold}`;
  }
  return undefined;
}
