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
  /**
   * Kubescape's compliance: 100 for a passed control (also irrelevant or all excepted), passed
   * (excepted included) / all resources for a failed one; undefined when skipped (not averaged).
   */
  complianceScore?: number;
  /** Failed weight / all weight × 100 (weights: replicas, DaemonSet nodes); 0 with no resources. */
  riskScore?: number;
  /** Σ weights of failed resources and of all resources (the risk score's parts). */
  failedWeight: number;
  allWeight: number;
  /** Skipped because the control does not apply to this kind of scan (files vs cluster vs EKS/AKS/GKE). */
  outOfScope?: boolean;
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
