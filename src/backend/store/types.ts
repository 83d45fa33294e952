/** Plain data the store keeps and returns. Ingest types are produced by the receiver's pure cores. */

export type ReportKind = "posture" | "container";

export interface FrameworkScore {
  framework: string;
  score: number;
  compliance: number;
  failedControls: number;
  totalControls: number;
  failedResources: number;
  totalResources: number;
}

export interface ControlRow {
  controlId: string;
  name: string;
  severity: string;
  status: string;
  score: number;
  failedResources: number;
  passedResources: number;
  frameworks: string[];
  /** How to fix the control in general (kubescape's control remediation text). */
  remediation?: string;
  description?: string;
}

export interface Fix {
  path: string;
  value: string;
}

export interface ControlResourceRow {
  controlId: string;
  resourceId: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
  failedPaths: string[];
  fixes: Fix[];
}

export interface PostureIngest {
  cluster: string;
  reportId: string;
  generatedAt: number;
  serverVersion: string;
  cloudProvider: string;
  frameworks: FrameworkScore[];
  controls: ControlRow[];
  resources: ControlResourceRow[];
}

export interface VulnerabilityRow {
  cve: string;
  package: string;
  version: string;
  severity: string;
  fixVersions: string[];
  link: string;
  description: string;
}

export interface ImageScanIngest {
  scanId: string;
  cluster: string;
  namespace: string;
  workloadKind: string;
  workloadName: string;
  container: string;
  imageTag: string;
  imageHash: string;
  wlid: string;
  scannedAt: number;
  vulnerabilities: VulnerabilityRow[];
}

export interface JobEvent {
  eventId: string;
  jobId: string;
  parentId: string;
  cluster: string;
  reporter: string;
  action: string;
  status: string;
  target: string;
  details: string;
  errors: string[];
  reportedAt: string;
  receivedAt: number;
}

export interface InventoryChange {
  kind: string;
  key: string;
  namespace: string;
  name: string;
  /** undefined = delete */
  body?: unknown;
}

export interface ClusterInfo {
  name: string;
  firstSeen: number;
  lastSeen: number;
  serverVersion: string;
  cloudProvider: string;
}

export interface PostureScoreRow extends FrameworkScore {
  cluster: string;
  reportId: string;
  generatedAt: number;
}

export interface ImageScanRow {
  scanId: string;
  cluster: string;
  namespace: string;
  workloadKind: string;
  workloadName: string;
  container: string;
  imageTag: string;
  imageHash: string;
  wlid: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  other: number;
  fixable: number;
  scannedAt: number;
}

export interface VulnerabilityFilter {
  cluster?: string;
  namespace?: string;
  severity?: string[];
  fixable?: boolean;
  scanId?: string;
  limit?: number;
}

export interface InventoryItem {
  cluster: string;
  kind: string;
  key: string;
  namespace: string;
  name: string;
  body: unknown;
  updatedAt: number;
}

export type ScheduleKind = "posture" | "image" | "registry";

export interface Schedule {
  id: string;
  account: string;
  cluster: string;
  kind: ScheduleKind;
  name: string;
  cron: string;
  /** kind-specific target: framework names, namespace, registry name. */
  target: Record<string, unknown>;
  /** CronJob name(s), comma-separated: the operator names them and reports the names back. */
  cronjobName: string;
  /** jobID of the set…CronJob command whose success report will carry the real names. */
  pendingJobId?: string;
  createdAt: number;
  updatedAt: number;
}

export interface RetentionSettings {
  /** Posture score history, image scans and job events older than this are removed. */
  historyDays: number;
  /** Incomplete reports whose newest chunk is older than this are dropped. */
  pendingChunkHours: number;
}

export interface PruneResult {
  scores: number;
  jobs: number;
  chunks: number;
  reports: number;
}

export interface ChunkState {
  received: number;
  lastChunk: number | null;
}

/** Everything the backend keeps. Every read and write is scoped by account. */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  migrate(): Promise<number>;
  close(): Promise<void>;

  createApiKey(account: string, label: string, key: string): Promise<void>;
  accountForApiKey(key: string): Promise<string | null>;
  listApiKeys(account: string): Promise<Array<{ label: string; createdAt: number; fingerprint: string }>>;
  deleteApiKeys(account: string, label: string): Promise<number>;
  accounts(): Promise<string[]>;

  /** Persists one chunk; false when it was already there (a retry). */
  putChunk(account: string, kind: ReportKind, reportId: string, chunkNumber: number, isLast: boolean, body: string): Promise<boolean>;
  chunkState(account: string, kind: ReportKind, reportId: string): Promise<ChunkState>;
  loadChunks(account: string, kind: ReportKind, reportId: string): Promise<string[]>;
  isReportComplete(account: string, kind: ReportKind, reportId: string): Promise<boolean>;
  /** Reports whose chunks are all present but were not assembled (a crash between). */
  pendingReports(): Promise<Array<{ account: string; kind: ReportKind; reportId: string }>>;
  /** Stores an assembled posture report and drops its chunks, in one transaction; false if already stored. */
  commitPosture(account: string, report: PostureIngest, chunks: number): Promise<boolean>;
  commitImageScan(account: string, scan: ImageScanIngest, chunks: number): Promise<boolean>;

  addJobEvent(account: string, event: JobEvent): Promise<boolean>;
  addRegistryRepositories(account: string, registry: string, jobId: string, repositories: string[], now: number): Promise<number>;
  registryRepositories(account: string, registry?: string): Promise<Array<{ registry: string; jobId: string; repository: string; receivedAt: number }>>;
  /** `replace`: the changes are the cluster's full inventory (kollector's first report after a connect). */
  applyInventory(account: string, cluster: string, changes: InventoryChange[], now: number, clusterInfo?: { serverVersion?: string; cloudProvider?: string }, replace?: boolean): Promise<void>;
  touchCluster(account: string, cluster: string, now: number, info?: { serverVersion?: string; cloudProvider?: string }): Promise<void>;

  clusters(account: string): Promise<ClusterInfo[]>;
  latestScores(account: string, cluster?: string): Promise<PostureScoreRow[]>;
  scoreTrend(account: string, cluster: string, framework: string, since: number): Promise<PostureScoreRow[]>;
  controls(account: string, cluster: string, framework?: string): Promise<ControlRow[]>;
  controlResources(account: string, cluster: string, controlId: string): Promise<ControlResourceRow[]>;
  imageScans(account: string, filter: VulnerabilityFilter): Promise<ImageScanRow[]>;
  vulnerabilities(account: string, filter: VulnerabilityFilter): Promise<Array<VulnerabilityRow & { scanId: string; cluster: string; namespace: string; imageTag: string; workloadName: string; container: string }>>;
  inventory(account: string, cluster: string, kind?: string): Promise<InventoryItem[]>;
  jobEvents(account: string, since: number, limit: number): Promise<JobEvent[]>;

  schedules(account: string): Promise<Schedule[]>;
  schedule(account: string, id: string): Promise<Schedule | null>;
  saveSchedule(schedule: Schedule): Promise<void>;
  deleteSchedule(account: string, id: string): Promise<boolean>;
  /** Records the CronJob names the operator reported for a set…CronJob job; false if no schedule waited for it. */
  adoptCronJobNames(account: string, jobId: string, names: string): Promise<boolean>;

  prune(now: number, retention: RetentionSettings): Promise<PruneResult>;
}
