/**
 * The contract between the posture engine and the controls. A control is a pure function over
 * an indexed snapshot of Kubernetes objects (and host-scanner data); it never does I/O.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid?: string; controller?: boolean }>;
  creationTimestamp?: string;
  [key: string]: unknown;
}

/** Any Kubernetes object, or a host-scanner envelope (apiVersion hostdata.kubescape.cloud/v1beta0). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** Where an object came from in a file scan (kept for SARIF and pretty output). */
export interface SourceLocation {
  file: string;
  /** 1-based line of the document start. */
  line: number;
}

export interface ResourceIndex {
  /** Every object in the snapshot. */
  readonly all: readonly K8sObject[];
  /** Objects of a kind ("Deployment", "ClusterRoleBinding", "KubeletInfo"...). */
  byKind(kind: string): readonly K8sObject[];
  /** Pods and every pod-template owner: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob (and Pod). */
  workloads(): readonly K8sObject[];
  /** One object by kind, namespace ("" for cluster-scoped) and name. */
  get(kind: string, namespace: string, name: string): K8sObject | undefined;
  /** Objects in one namespace. */
  inNamespace(namespace: string): readonly K8sObject[];
  /** True when host-scanner data is part of the snapshot. */
  readonly hasHostData: boolean;
  /** True for a live-cluster scan, false for files (some controls only make sense on a cluster). */
  readonly isLiveCluster: boolean;
  source(obj: K8sObject): SourceLocation | undefined;
}

/** A fix: set `path` to `value` (kubescape's fixPath). */
export interface FixPath {
  path: string;
  value: string;
}

/** Paths use kubescape's notation: `spec.template.spec.containers[0].securityContext.privileged`. */
export interface RulePaths {
  failedPath?: string;
  reviewPath?: string;
  deletePath?: string;
  fixPath?: FixPath;
}

export type ResourceStatus = "passed" | "failed";

export interface ResourceResult {
  object: K8sObject;
  status: ResourceStatus;
  /** For failed results: what is wrong and how to fix it. */
  paths: RulePaths[];
  /** Other objects the finding is about (e.g. the RoleBinding behind a subject). */
  related?: K8sObject[];
}

export interface ControlEvaluation {
  /** Every object the control looked at: failed and passed. Objects not listed are not relevant. */
  results: ResourceResult[];
}

/** Configurable control inputs (kubescape's "controls-inputs"), e.g. trusted registries. */
export type ControlInputs = Readonly<Record<string, readonly string[]>>;

export type ImplementationStatus =
  /** evaluated from Kubernetes objects */
  | "implemented"
  /** evaluated from host-scanner data; skipped when none is present */
  | "host"
  /** needs a cloud provider's API: always reported skipped with the reason */
  | "cloud"
  /** needs image-scan results: skipped with the reason */
  | "image"
  /** manual review only (no inputs): skipped with the reason */
  | "manual";

export interface ControlMeta {
  id: string;
  name: string;
  baseScore: number;
  severity: "Critical" | "High" | "Medium" | "Low" | "Unknown";
  category: string | null;
  frameworks: readonly string[];
  /** One-line description of what is checked and why. */
  description: string;
  /** One-line remediation. */
  remediation: string;
  implementation: ImplementationStatus;
  /** For cloud/image/manual: why it is skipped. */
  skipReason?: string;
}

export interface Control extends ControlMeta {
  evaluate(index: ResourceIndex, inputs: ControlInputs): ControlEvaluation;
}
