import type { ControlMeta, K8sObject, RulePaths, SourceLocation } from "../types.ts";

/** Status of a control over the whole scan. */
export type ControlStatus = "passed" | "failed" | "skipped" | "excepted";

/** Resource outcomes reference resources by their ordinal in `ScanResult.resources`. */
export interface FailedResource {
  resource: number;
  paths: RulePaths[];
  related?: K8sObject[];
}

export interface ExceptedResource extends FailedResource {
  /** Names of the exception policies that matched. */
  exceptions: string[];
}

export interface ResourceCounters {
  passed: number;
  failed: number;
  excepted: number;
}

export interface ControlOutcome {
  control: ControlMeta;
  status: ControlStatus;
  /** "irrelevant": no resource the control applies to; "w/exceptions": every failure excepted. */
  subStatus?: "irrelevant" | "w/exceptions";
  /** Why it was skipped (host data missing, cloud-only, image scan, manual, live cluster only...). */
  skipReason?: string;
  passed: number[];
  failed: FailedResource[];
  excepted: ExceptedResource[];
  counters: ResourceCounters;
  /** Passed (excepted counting as passed) / all resources, 0-100; undefined when skipped or irrelevant. */
  complianceScore?: number;
  /** Failed weight / all weight × 100 (weights: replicas, DaemonSet nodes); undefined when skipped or irrelevant. */
  riskScore?: number;
}

export interface FrameworkSummary {
  name: string;
  controlIds: readonly string[];
  status: "passed" | "failed" | "skipped";
  complianceScore: number;
  riskScore: number;
  controlCounters: Record<ControlStatus, number>;
  resourceCounters: ResourceCounters;
}

export interface ScanResult {
  /** Every resource of the snapshot, by ordinal. */
  resources: readonly K8sObject[];
  resourceIds: readonly string[];
  weights: Float64Array;
  sources: ReadonlyArray<SourceLocation | undefined>;
  controls: ControlOutcome[];
  frameworks: FrameworkSummary[];
  complianceScore: number;
  riskScore: number;
  controlCounters: Record<ControlStatus, number>;
  /** Per resource across controls: failed if any control failed it, excepted if only excepted. */
  resourceCounters: ResourceCounters;
  isLiveCluster: boolean;
  hasHostData: boolean;
}
