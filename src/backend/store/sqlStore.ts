import type { SqlDatabase, SqlExecutor, SqlValue } from "./db.ts";
import { MIGRATIONS } from "./migrations.ts";
import type {
  ChunkState,
  ClusterInfo,
  ControlResourceRow,
  ControlRow,
  ImageScanIngest,
  ImageScanRow,
  InventoryChange,
  InventoryItem,
  JobEvent,
  PostureIngest,
  PostureScoreRow,
  PruneResult,
  ReportKind,
  RetentionSettings,
  Schedule,
  ScheduleKind,
  Store,
  VulnerabilityFilter,
  VulnerabilityRow,
} from "./types.ts";

const DAY = 86_400_000;
const num = (v: unknown) => Number(v ?? 0);
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const json = <T>(v: unknown, fallback: T): T => {
  try {
    return JSON.parse(str(v)) as T;
  } catch {
    return fallback;
  }
};

/** SHA-256 of an API key: only the hash is stored. */
export function hashApiKey(key: string): string {
  return new Bun.CryptoHasher("sha256").update(key).digest("hex");
}

/** Inserts many rows with multi-row VALUES, in batches small enough for both engines. */
async function insertMany(tx: SqlExecutor, table: string, columns: string[], rows: SqlValue[][], conflict = ""): Promise<void> {
  if (rows.length === 0) return;
  const perBatch = Math.max(1, Math.floor(900 / columns.length));
  const one = `(${columns.map(() => "?").join(",")})`;
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    await tx.run(`INSERT INTO ${table} (${columns.join(",")}) VALUES ${batch.map(() => one).join(",")} ${conflict}`, batch.flat());
  }
}

function severityBucket(severity: string): "critical" | "high" | "medium" | "low" | "other" {
  const s = severity.toLowerCase();
  return s === "critical" || s === "high" || s === "medium" || s === "low" ? s : "other";
}

const mapScore = (r: Record<string, unknown>): PostureScoreRow => ({
  cluster: str(r.cluster),
  reportId: str(r.report_id),
  framework: str(r.framework),
  score: num(r.score),
  compliance: num(r.compliance),
  failedControls: num(r.failed_controls),
  totalControls: num(r.total_controls),
  failedResources: num(r.failed_resources),
  totalResources: num(r.total_resources),
  generatedAt: num(r.generated_at),
});

const mapImageScan = (r: Record<string, unknown>): ImageScanRow => ({
  scanId: str(r.scan_id),
  cluster: str(r.cluster),
  namespace: str(r.namespace),
  workloadKind: str(r.workload_kind),
  workloadName: str(r.workload_name),
  container: str(r.container),
  imageTag: str(r.image_tag),
  imageHash: str(r.image_hash),
  wlid: str(r.wlid),
  critical: num(r.critical),
  high: num(r.high),
  medium: num(r.medium),
  low: num(r.low),
  other: num(r.other),
  fixable: num(r.fixable),
  scannedAt: num(r.scanned_at),
});

const mapJob = (r: Record<string, unknown>): JobEvent => ({
  eventId: str(r.event_id),
  jobId: str(r.job_id),
  parentId: str(r.parent_id),
  cluster: str(r.cluster),
  reporter: str(r.reporter),
  action: str(r.action),
  status: str(r.status),
  target: str(r.target),
  details: str(r.details),
  errors: json<string[]>(r.errors, []),
  reportedAt: str(r.reported_at),
  receivedAt: num(r.received_at),
});

const mapSchedule = (r: Record<string, unknown>): Schedule => ({
  id: str(r.id),
  account: str(r.account),
  cluster: str(r.cluster),
  kind: str(r.kind) as ScheduleKind,
  name: str(r.name),
  cron: str(r.cron),
  target: json<Record<string, unknown>>(r.target, {}),
  cronjobName: str(r.cronjob_name),
  pendingJobId: str(r.pending_job_id),
  createdAt: num(r.created_at),
  updatedAt: num(r.updated_at),
});

/** The store over any `SqlDatabase`: the same queries run on SQLite and PostgreSQL. */
export class SqlStore implements Store {
  constructor(private readonly db: SqlDatabase) {}

  get dialect() {
    return this.db.dialect;
  }

  async migrate(): Promise<number> {
    await this.db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    const done = new Set((await this.db.query("SELECT version FROM schema_migrations")).map((r) => num(r.version)));
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await this.db.transaction(async (tx) => {
        for (const statement of m.sql.split(";").map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
        await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [m.version, m.name, Date.now()]);
      });
      applied++;
    }
    return applied;
  }

  close() {
    return this.db.close();
  }

  async createApiKey(account: string, label: string, key: string) {
    await this.db.run("INSERT INTO api_keys (key_hash, account, label, created_at) VALUES (?, ?, ?, ?)", [hashApiKey(key), account, label, Date.now()]);
  }

  async accountForApiKey(key: string) {
    const rows = await this.db.query("SELECT account FROM api_keys WHERE key_hash = ?", [hashApiKey(key)]);
    return rows[0] ? str(rows[0].account) : null;
  }

  async listApiKeys(account: string) {
    const rows = await this.db.query("SELECT label, created_at, key_hash FROM api_keys WHERE account = ? ORDER BY created_at", [account]);
    return rows.map((r) => ({ label: str(r.label), createdAt: num(r.created_at), fingerprint: str(r.key_hash).slice(0, 12) }));
  }

  async deleteApiKeys(account: string, label: string) {
    return (await this.db.run("DELETE FROM api_keys WHERE account = ? AND label = ?", [account, label])).changes;
  }

  async accounts() {
    const rows = await this.db.query("SELECT account FROM api_keys UNION SELECT account FROM clusters ORDER BY 1");
    return rows.map((r) => str(r.account));
  }

  async putChunk(account: string, kind: ReportKind, reportId: string, chunkNumber: number, isLast: boolean, body: string) {
    const r = await this.db.run(
      "INSERT INTO report_chunks (account, kind, report_id, chunk_number, is_last, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      [account, kind, reportId, chunkNumber, isLast ? 1 : 0, body, Date.now()],
    );
    return r.changes > 0;
  }

  async chunkState(account: string, kind: ReportKind, reportId: string): Promise<ChunkState> {
    const rows = await this.db.query(
      "SELECT COUNT(*) AS received, MIN(CASE WHEN is_last = 1 THEN chunk_number END) AS last_chunk FROM report_chunks WHERE account = ? AND kind = ? AND report_id = ?",
      [account, kind, reportId],
    );
    const r = rows[0] ?? {};
    return { received: num(r.received), lastChunk: r.last_chunk === null || r.last_chunk === undefined ? null : num(r.last_chunk) };
  }

  async loadChunks(account: string, kind: ReportKind, reportId: string) {
    const rows = await this.db.query("SELECT body FROM report_chunks WHERE account = ? AND kind = ? AND report_id = ? ORDER BY chunk_number", [account, kind, reportId]);
    return rows.map((r) => str(r.body));
  }

  async isReportComplete(account: string, kind: ReportKind, reportId: string) {
    const rows = await this.db.query("SELECT 1 AS one FROM reports WHERE account = ? AND kind = ? AND report_id = ?", [account, kind, reportId]);
    return rows.length > 0;
  }

  async pendingReports() {
    const rows = await this.db.query(
      `SELECT account, kind, report_id FROM report_chunks GROUP BY account, kind, report_id
       HAVING COUNT(*) = MIN(CASE WHEN is_last = 1 THEN chunk_number END) + 1`,
    );
    return rows.map((r) => ({ account: str(r.account), kind: str(r.kind) as ReportKind, reportId: str(r.report_id) }));
  }

  private async claimReport(tx: SqlExecutor, account: string, kind: ReportKind, reportId: string, cluster: string, chunks: number, now: number) {
    const r = await tx.run("INSERT INTO reports (account, kind, report_id, cluster, chunks, completed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", [
      account,
      kind,
      reportId,
      cluster,
      chunks,
      now,
    ]);
    await tx.run("DELETE FROM report_chunks WHERE account = ? AND kind = ? AND report_id = ?", [account, kind, reportId]);
    return r.changes > 0;
  }

  private async upsertCluster(tx: SqlExecutor, account: string, cluster: string, now: number, info?: { serverVersion?: string; cloudProvider?: string }) {
    await tx.run(
      `INSERT INTO clusters (account, name, first_seen, last_seen, server_version, cloud_provider) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, name) DO UPDATE SET last_seen = excluded.last_seen,
         server_version = CASE WHEN excluded.server_version <> '' THEN excluded.server_version ELSE clusters.server_version END,
         cloud_provider = CASE WHEN excluded.cloud_provider <> '' THEN excluded.cloud_provider ELSE clusters.cloud_provider END`,
      [account, cluster, now, now, info?.serverVersion ?? "", info?.cloudProvider ?? ""],
    );
  }

  touchCluster(account: string, cluster: string, now: number, info?: { serverVersion?: string; cloudProvider?: string }) {
    return this.upsertCluster(this.db, account, cluster, now, info);
  }

  commitPosture(account: string, report: PostureIngest, chunks: number) {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      if (!(await this.claimReport(tx, account, "posture", report.reportId, report.cluster, chunks, now))) return false;
      await this.upsertCluster(tx, account, report.cluster, now, { serverVersion: report.serverVersion, cloudProvider: report.cloudProvider });
      await insertMany(
        tx,
        "posture_scores",
        ["account", "cluster", "report_id", "framework", "score", "compliance", "failed_controls", "total_controls", "failed_resources", "total_resources", "generated_at"],
        report.frameworks.map((f) => [account, report.cluster, report.reportId, f.framework, f.score, f.compliance, f.failedControls, f.totalControls, f.failedResources, f.totalResources, report.generatedAt]),
        "ON CONFLICT DO NOTHING",
      );
      // Drill-down keeps the newest report per cluster; history lives in posture_scores.
      const newer = await tx.query("SELECT 1 AS one FROM posture_scores WHERE account = ? AND cluster = ? AND generated_at > ? LIMIT 1", [account, report.cluster, report.generatedAt]);
      if (newer.length === 0) {
        await tx.run("DELETE FROM posture_controls WHERE account = ? AND cluster = ?", [account, report.cluster]);
        await tx.run("DELETE FROM posture_resources WHERE account = ? AND cluster = ?", [account, report.cluster]);
        await insertMany(
          tx,
          "posture_controls",
          ["account", "cluster", "control_id", "name", "severity", "status", "score", "failed_resources", "passed_resources", "frameworks", "report_id", "remediation", "description"],
          report.controls.map((c) => [account, report.cluster, c.controlId, c.name, c.severity, c.status, c.score, c.failedResources, c.passedResources, JSON.stringify(c.frameworks), report.reportId, c.remediation ?? "", c.description ?? ""]),
          "ON CONFLICT DO NOTHING",
        );
        await insertMany(
          tx,
          "posture_resources",
          ["account", "cluster", "control_id", "resource_id", "kind", "namespace", "name", "status", "failed_paths", "fixes"],
          report.resources.map((r) => [account, report.cluster, r.controlId, r.resourceId, r.kind, r.namespace, r.name, r.status, JSON.stringify(r.failedPaths), JSON.stringify(r.fixes)]),
          "ON CONFLICT DO NOTHING",
        );
      }
      return true;
    });
  }

  commitImageScan(account: string, scan: ImageScanIngest, chunks: number) {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      if (!(await this.claimReport(tx, account, "container", scan.scanId, scan.cluster, chunks, now))) return false;
      await this.upsertCluster(tx, account, scan.cluster, now);
      // One current scan per workload container: older ones are replaced, a late older one is ignored.
      const newer = await tx.query(
        "SELECT 1 AS one FROM image_scans WHERE account = ? AND cluster = ? AND namespace = ? AND workload_kind = ? AND workload_name = ? AND container = ? AND scanned_at > ? LIMIT 1",
        [account, scan.cluster, scan.namespace, scan.workloadKind, scan.workloadName, scan.container, scan.scannedAt],
      );
      if (newer.length > 0) return true;
      const older = await tx.query(
        "SELECT scan_id FROM image_scans WHERE account = ? AND cluster = ? AND namespace = ? AND workload_kind = ? AND workload_name = ? AND container = ? AND scanned_at <= ?",
        [account, scan.cluster, scan.namespace, scan.workloadKind, scan.workloadName, scan.container, scan.scannedAt],
      );
      for (const o of older) {
        await tx.run("DELETE FROM vulnerabilities WHERE account = ? AND scan_id = ?", [account, str(o.scan_id)]);
        await tx.run("DELETE FROM image_scans WHERE account = ? AND scan_id = ?", [account, str(o.scan_id)]);
      }
      const counts = { critical: 0, high: 0, medium: 0, low: 0, other: 0 };
      const seen = new Set<string>();
      const vulns = scan.vulnerabilities.filter((v) => {
        const k = `${v.cve}\u0000${v.package}\u0000${v.version}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      let fixable = 0;
      for (const v of vulns) {
        counts[severityBucket(v.severity)]++;
        if (v.fixVersions.length > 0) fixable++;
      }
      await tx.run(
        `INSERT INTO image_scans (account, scan_id, cluster, namespace, workload_kind, workload_name, container, image_tag, image_hash, wlid,
          critical, high, medium, low, other, fixable, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [account, scan.scanId, scan.cluster, scan.namespace, scan.workloadKind, scan.workloadName, scan.container, scan.imageTag, scan.imageHash, scan.wlid,
          counts.critical, counts.high, counts.medium, counts.low, counts.other, fixable, scan.scannedAt],
      );
      await insertMany(
        tx,
        "vulnerabilities",
        ["account", "scan_id", "cve", "package", "version", "severity", "fix_versions", "fixable", "link", "description"],
        vulns.map((v) => [account, scan.scanId, v.cve, v.package, v.version, v.severity, JSON.stringify(v.fixVersions), v.fixVersions.length > 0 ? 1 : 0, v.link, v.description]),
        "ON CONFLICT DO NOTHING",
      );
      return true;
    });
  }

  async addJobEvent(account: string, e: JobEvent) {
    const r = await this.db.run(
      `INSERT INTO jobs (account, event_id, job_id, parent_id, cluster, reporter, action, status, target, details, errors, reported_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [account, e.eventId, e.jobId, e.parentId, e.cluster, e.reporter, e.action, e.status, e.target, e.details, JSON.stringify(e.errors), e.reportedAt, e.receivedAt],
    );
    return r.changes > 0;
  }

  async addRegistryRepositories(account: string, registry: string, jobId: string, repositories: string[], now: number) {
    let added = 0;
    await this.db.transaction(async (tx) => {
      for (const repo of new Set(repositories)) {
        added += (await tx.run("INSERT INTO registry_repositories (account, registry, job_id, repository, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", [account, registry, jobId, repo, now])).changes;
      }
    });
    return added;
  }

  async registryRepositories(account: string, registry?: string) {
    const rows = await this.db.query(
      `SELECT registry, job_id, repository, received_at FROM registry_repositories WHERE account = ? ${registry ? "AND registry = ?" : ""} ORDER BY registry, repository`,
      registry ? [account, registry] : [account],
    );
    return rows.map((r) => ({ registry: str(r.registry), jobId: str(r.job_id), repository: str(r.repository), receivedAt: num(r.received_at) }));
  }

  applyInventory(account: string, cluster: string, changes: InventoryChange[], now: number, info?: { serverVersion?: string; cloudProvider?: string }, replace = false) {
    return this.db.transaction(async (tx) => {
      await this.upsertCluster(tx, account, cluster, now, info);
      if (replace) await tx.run("DELETE FROM inventory WHERE account = ? AND cluster = ?", [account, cluster]);
      for (const c of changes) {
        if (c.body === undefined) {
          await tx.run("DELETE FROM inventory WHERE account = ? AND cluster = ? AND kind = ? AND item_key = ?", [account, cluster, c.kind, c.key]);
        } else {
          await tx.run(
            `INSERT INTO inventory (account, cluster, kind, item_key, namespace, name, body, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (account, cluster, kind, item_key) DO UPDATE SET namespace = excluded.namespace, name = excluded.name, body = excluded.body, updated_at = excluded.updated_at`,
            [account, cluster, c.kind, c.key, c.namespace, c.name, JSON.stringify(c.body), now],
          );
        }
      }
    });
  }

  async clusters(account: string): Promise<ClusterInfo[]> {
    const rows = await this.db.query("SELECT name, first_seen, last_seen, server_version, cloud_provider FROM clusters WHERE account = ? ORDER BY name", [account]);
    return rows.map((r) => ({ name: str(r.name), firstSeen: num(r.first_seen), lastSeen: num(r.last_seen), serverVersion: str(r.server_version), cloudProvider: str(r.cloud_provider) }));
  }

  async latestScores(account: string, cluster?: string) {
    const rows = await this.db.query(
      `SELECT p.* FROM posture_scores p JOIN (
         SELECT cluster, framework, MAX(generated_at) AS g FROM posture_scores WHERE account = ? ${cluster ? "AND cluster = ?" : ""} GROUP BY cluster, framework
       ) l ON p.cluster = l.cluster AND p.framework = l.framework AND p.generated_at = l.g
       WHERE p.account = ? ORDER BY p.cluster, p.framework`,
      cluster ? [account, cluster, account] : [account, account],
    );
    return rows.map(mapScore);
  }

  async scoreTrend(account: string, cluster: string, framework: string, since: number) {
    const rows = await this.db.query(
      "SELECT * FROM posture_scores WHERE account = ? AND cluster = ? AND framework = ? AND generated_at >= ? ORDER BY generated_at",
      [account, cluster, framework, since],
    );
    return rows.map(mapScore);
  }

  async controls(account: string, cluster: string, framework?: string): Promise<ControlRow[]> {
    const rows = await this.db.query("SELECT * FROM posture_controls WHERE account = ? AND cluster = ? ORDER BY failed_resources DESC, control_id", [account, cluster]);
    return rows
      .map((r) => ({
        controlId: str(r.control_id),
        name: str(r.name),
        severity: str(r.severity),
        status: str(r.status),
        score: num(r.score),
        failedResources: num(r.failed_resources),
        passedResources: num(r.passed_resources),
        frameworks: json<string[]>(r.frameworks, []),
        remediation: str(r.remediation),
        description: str(r.description),
      }))
      .filter((c) => !framework || c.frameworks.includes(framework));
  }

  async controlResources(account: string, cluster: string, controlId: string): Promise<ControlResourceRow[]> {
    const rows = await this.db.query("SELECT * FROM posture_resources WHERE account = ? AND cluster = ? AND control_id = ? ORDER BY namespace, kind, name", [account, cluster, controlId]);
    return rows.map((r) => ({
      controlId: str(r.control_id),
      resourceId: str(r.resource_id),
      kind: str(r.kind),
      namespace: str(r.namespace),
      name: str(r.name),
      status: str(r.status),
      failedPaths: json<string[]>(r.failed_paths, []),
      fixes: json(r.fixes, []),
    }));
  }

  private imageWhere(account: string, f: VulnerabilityFilter, alias: string): { where: string; params: SqlValue[] } {
    const clauses = [`${alias}.account = ?`];
    const params: SqlValue[] = [account];
    if (f.cluster) (clauses.push(`${alias}.cluster = ?`), params.push(f.cluster));
    if (f.namespace) (clauses.push(`${alias}.namespace = ?`), params.push(f.namespace));
    if (f.scanId) (clauses.push(`${alias}.scan_id = ?`), params.push(f.scanId));
    return { where: clauses.join(" AND "), params };
  }

  async imageScans(account: string, f: VulnerabilityFilter) {
    const { where, params } = this.imageWhere(account, f, "s");
    const extra: string[] = [];
    if (f.fixable) extra.push("s.fixable > 0");
    if (f.severity?.length) extra.push(`(${f.severity.map((s) => (["critical", "high", "medium", "low"].includes(s) ? `s.${s} > 0` : "s.other > 0")).join(" OR ")})`);
    const rows = await this.db.query(
      `SELECT s.* FROM image_scans s WHERE ${[where, ...extra].join(" AND ")} ORDER BY s.critical DESC, s.high DESC, s.image_tag LIMIT ?`,
      [...params, f.limit ?? 1000],
    );
    return rows.map(mapImageScan);
  }

  async vulnerabilities(account: string, f: VulnerabilityFilter) {
    const { where, params } = this.imageWhere(account, f, "s");
    const clauses = [where, "v.account = s.account", "v.scan_id = s.scan_id"];
    if (f.fixable !== undefined) (clauses.push("v.fixable = ?"), params.push(f.fixable ? 1 : 0));
    if (f.severity?.length) {
      clauses.push(`LOWER(v.severity) IN (${f.severity.map(() => "?").join(",")})`);
      params.push(...f.severity.map((s) => s.toLowerCase()));
    }
    const rows = await this.db.query(
      `SELECT v.*, s.cluster, s.namespace, s.image_tag, s.workload_name, s.container FROM vulnerabilities v, image_scans s
       WHERE ${clauses.join(" AND ")}
       ORDER BY CASE LOWER(v.severity) WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, v.cve LIMIT ?`,
      [...params, f.limit ?? 1000],
    );
    return rows.map((r) => ({
      scanId: str(r.scan_id),
      cluster: str(r.cluster),
      namespace: str(r.namespace),
      imageTag: str(r.image_tag),
      workloadName: str(r.workload_name),
      container: str(r.container),
      cve: str(r.cve),
      package: str(r.package),
      version: str(r.version),
      severity: str(r.severity),
      fixVersions: json<string[]>(r.fix_versions, []),
      link: str(r.link),
      description: str(r.description),
    })) satisfies Array<VulnerabilityRow & Record<string, unknown>>;
  }

  async inventory(account: string, cluster: string, kind?: string): Promise<InventoryItem[]> {
    const rows = await this.db.query(
      `SELECT * FROM inventory WHERE account = ? AND cluster = ? ${kind ? "AND kind = ?" : ""} ORDER BY kind, namespace, name LIMIT 5000`,
      kind ? [account, cluster, kind] : [account, cluster],
    );
    return rows.map((r) => ({ cluster: str(r.cluster), kind: str(r.kind), key: str(r.item_key), namespace: str(r.namespace), name: str(r.name), body: json(r.body, null), updatedAt: num(r.updated_at) }));
  }

  async jobEvents(account: string, since: number, limit: number) {
    const rows = await this.db.query("SELECT * FROM jobs WHERE account = ? AND received_at >= ? ORDER BY received_at DESC LIMIT ?", [account, since, limit]);
    return rows.map(mapJob);
  }

  async schedules(account: string) {
    return (await this.db.query("SELECT * FROM schedules WHERE account = ? ORDER BY created_at", [account])).map(mapSchedule);
  }

  async schedule(account: string, id: string) {
    const rows = await this.db.query("SELECT * FROM schedules WHERE account = ? AND id = ?", [account, id]);
    return rows[0] ? mapSchedule(rows[0]) : null;
  }

  async saveSchedule(s: Schedule) {
    await this.db.run(
      `INSERT INTO schedules (id, account, cluster, kind, name, cron, target, cronjob_name, pending_job_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, cron = excluded.cron, target = excluded.target, updated_at = excluded.updated_at`,
      [s.id, s.account, s.cluster, s.kind, s.name, s.cron, JSON.stringify(s.target), s.cronjobName, s.pendingJobId ?? "", s.createdAt, s.updatedAt],
    );
  }

  async deleteSchedule(account: string, id: string) {
    return (await this.db.run("DELETE FROM schedules WHERE account = ? AND id = ?", [account, id])).changes > 0;
  }

  async adoptCronJobNames(account: string, jobId: string, names: string) {
    if (!jobId) return false;
    const r = await this.db.run("UPDATE schedules SET cronjob_name = ?, pending_job_id = '' WHERE account = ? AND pending_job_id = ?", [names, account, jobId]);
    return r.changes > 0;
  }

  prune(now: number, retention: RetentionSettings): Promise<PruneResult> {
    const historyCutoff = now - retention.historyDays * DAY;
    const chunkCutoff = now - retention.pendingChunkHours * 3_600_000;
    return this.db.transaction(async (tx) => {
      const scores = (await tx.run("DELETE FROM posture_scores WHERE generated_at < ?", [historyCutoff])).changes;
      const jobs = (await tx.run("DELETE FROM jobs WHERE received_at < ?", [historyCutoff])).changes;
      const reports = (await tx.run("DELETE FROM reports WHERE completed_at < ?", [historyCutoff])).changes;
      const old = await tx.query("SELECT account, scan_id FROM image_scans WHERE scanned_at < ?", [historyCutoff]);
      for (const o of old) {
        await tx.run("DELETE FROM vulnerabilities WHERE account = ? AND scan_id = ?", [str(o.account), str(o.scan_id)]);
        await tx.run("DELETE FROM image_scans WHERE account = ? AND scan_id = ?", [str(o.account), str(o.scan_id)]);
      }
      // Incomplete reports: drop all chunks of a report whose newest chunk is too old.
      const stale = await tx.query("SELECT account, kind, report_id FROM report_chunks GROUP BY account, kind, report_id HAVING MAX(received_at) < ?", [chunkCutoff]);
      let chunks = 0;
      for (const s of stale) {
        chunks += (await tx.run("DELETE FROM report_chunks WHERE account = ? AND kind = ? AND report_id = ?", [str(s.account), str(s.kind), str(s.report_id)])).changes;
      }
      return { scores, jobs, chunks, reports };
    });
  }
}
