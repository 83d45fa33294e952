/**
 * Schema migrations, in order. The SQL is portable between SQLite and PostgreSQL (types that
 * both accept, `ON CONFLICT` upserts); ids are text, booleans 0/1, JSON as text, times as
 * epoch milliseconds (BIGINT).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
CREATE TABLE api_keys (
  key_hash TEXT PRIMARY KEY, account TEXT NOT NULL, label TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX api_keys_account ON api_keys (account);

CREATE TABLE report_chunks (
  account TEXT NOT NULL, kind TEXT NOT NULL, report_id TEXT NOT NULL, chunk_number INTEGER NOT NULL,
  is_last INTEGER NOT NULL, body TEXT NOT NULL, received_at BIGINT NOT NULL,
  PRIMARY KEY (account, kind, report_id, chunk_number));
CREATE INDEX report_chunks_received ON report_chunks (received_at);

CREATE TABLE reports (
  account TEXT NOT NULL, kind TEXT NOT NULL, report_id TEXT NOT NULL, cluster TEXT NOT NULL,
  chunks INTEGER NOT NULL, completed_at BIGINT NOT NULL,
  PRIMARY KEY (account, kind, report_id));
CREATE INDEX reports_completed ON reports (completed_at);

CREATE TABLE clusters (
  account TEXT NOT NULL, name TEXT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,
  server_version TEXT NOT NULL DEFAULT '', cloud_provider TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account, name));

CREATE TABLE posture_scores (
  account TEXT NOT NULL, cluster TEXT NOT NULL, report_id TEXT NOT NULL, framework TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL, compliance DOUBLE PRECISION NOT NULL,
  failed_controls INTEGER NOT NULL, total_controls INTEGER NOT NULL,
  failed_resources INTEGER NOT NULL, total_resources INTEGER NOT NULL, generated_at BIGINT NOT NULL,
  PRIMARY KEY (account, report_id, framework));
CREATE INDEX posture_scores_trend ON posture_scores (account, cluster, framework, generated_at);
CREATE INDEX posture_scores_time ON posture_scores (generated_at);

CREATE TABLE posture_controls (
  account TEXT NOT NULL, cluster TEXT NOT NULL, control_id TEXT NOT NULL, name TEXT NOT NULL,
  severity TEXT NOT NULL, status TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
  failed_resources INTEGER NOT NULL, passed_resources INTEGER NOT NULL, frameworks TEXT NOT NULL,
  report_id TEXT NOT NULL,
  PRIMARY KEY (account, cluster, control_id));

CREATE TABLE posture_resources (
  account TEXT NOT NULL, cluster TEXT NOT NULL, control_id TEXT NOT NULL, resource_id TEXT NOT NULL,
  kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  failed_paths TEXT NOT NULL, fixes TEXT NOT NULL,
  PRIMARY KEY (account, cluster, control_id, resource_id));

CREATE TABLE image_scans (
  account TEXT NOT NULL, scan_id TEXT NOT NULL, cluster TEXT NOT NULL, namespace TEXT NOT NULL,
  workload_kind TEXT NOT NULL, workload_name TEXT NOT NULL, container TEXT NOT NULL,
  image_tag TEXT NOT NULL, image_hash TEXT NOT NULL, wlid TEXT NOT NULL,
  critical INTEGER NOT NULL, high INTEGER NOT NULL, medium INTEGER NOT NULL, low INTEGER NOT NULL,
  other INTEGER NOT NULL, fixable INTEGER NOT NULL, scanned_at BIGINT NOT NULL,
  PRIMARY KEY (account, scan_id));
CREATE INDEX image_scans_workload ON image_scans (account, cluster, namespace, workload_kind, workload_name, container);

CREATE TABLE vulnerabilities (
  account TEXT NOT NULL, scan_id TEXT NOT NULL, cve TEXT NOT NULL, package TEXT NOT NULL,
  version TEXT NOT NULL, severity TEXT NOT NULL, fix_versions TEXT NOT NULL, fixable INTEGER NOT NULL,
  link TEXT NOT NULL, description TEXT NOT NULL,
  PRIMARY KEY (account, scan_id, cve, package, version));
CREATE INDEX vulnerabilities_severity ON vulnerabilities (account, severity);

CREATE TABLE jobs (
  account TEXT NOT NULL, event_id TEXT NOT NULL, job_id TEXT NOT NULL, parent_id TEXT NOT NULL,
  cluster TEXT NOT NULL, reporter TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,
  target TEXT NOT NULL, details TEXT NOT NULL, errors TEXT NOT NULL, reported_at TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (account, event_id));
CREATE INDEX jobs_job ON jobs (account, job_id);
CREATE INDEX jobs_time ON jobs (received_at);

CREATE TABLE registry_repositories (
  account TEXT NOT NULL, registry TEXT NOT NULL, job_id TEXT NOT NULL, repository TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (account, registry, job_id, repository));

CREATE TABLE inventory (
  account TEXT NOT NULL, cluster TEXT NOT NULL, kind TEXT NOT NULL, item_key TEXT NOT NULL,
  namespace TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, updated_at BIGINT NOT NULL,
  PRIMARY KEY (account, cluster, kind, item_key));

CREATE TABLE schedules (
  id TEXT PRIMARY KEY, account TEXT NOT NULL, cluster TEXT NOT NULL, kind TEXT NOT NULL,
  name TEXT NOT NULL, cron TEXT NOT NULL, target TEXT NOT NULL, cronjob_name TEXT NOT NULL,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE INDEX schedules_account ON schedules (account);
`,
  },
  {
    version: 2,
    name: "control remediation and description",
    sql: `
ALTER TABLE posture_controls ADD COLUMN remediation TEXT NOT NULL DEFAULT '';
ALTER TABLE posture_controls ADD COLUMN description TEXT NOT NULL DEFAULT '';
`,
  },
  {
    version: 3,
    name: "schedules learn their CronJob names from the operator",
    sql: `
ALTER TABLE schedules ADD COLUMN pending_job_id TEXT NOT NULL DEFAULT '';
`,
  },
];
