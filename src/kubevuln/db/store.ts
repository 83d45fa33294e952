import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import type { Severity } from "../types.ts";
import { normalisePackageName } from "./names.ts";
import type { OsvRecord, StoredRange } from "./osv.ts";
import { scoreRecordSeverity, severityFromWord } from "./severity.ts";

export const SCHEMA_VERSION = 1;

export interface AdvisoryRow {
  id: string;
  modified: string;
  withdrawn: boolean;
  aliases: string[];
  related: string[];
  summary?: string;
  severity: Severity;
  score?: number;
  vector?: string;
  urls: string[];
}

export interface AffectedRow {
  advisoryId: string;
  ecosystem: string;
  name: string;
  ranges: StoredRange[];
  versions: string[];
  /** Per-package severity word from the distro (Debian urgency), when the record has one. */
  severity?: Severity;
}

export interface DbMeta {
  schemaVersion: number;
  builtAt: string;
  sources: string[];
  advisories: number;
  affectedPackages: number;
  ecosystems: Record<string, number>;
}

export interface VulnDb {
  lookup(ecosystem: string, name: string): AffectedRow[];
  advisory(id: string): AdvisoryRow | undefined;
  meta(): DbMeta;
  close(): void;
}

const DDL = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisory(
  id TEXT PRIMARY KEY, modified TEXT NOT NULL, withdrawn INTEGER NOT NULL,
  aliases TEXT NOT NULL, related TEXT NOT NULL, summary TEXT,
  severity TEXT NOT NULL, score REAL, vector TEXT, urls TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS affected(
  advisory_id TEXT NOT NULL, ecosystem TEXT NOT NULL, name_key TEXT NOT NULL, name TEXT NOT NULL,
  ranges TEXT NOT NULL, versions TEXT NOT NULL, severity TEXT
);
CREATE INDEX IF NOT EXISTS affected_lookup ON affected(ecosystem, name_key);
CREATE INDEX IF NOT EXISTS affected_advisory ON affected(advisory_id);
`;

interface RawAdvisory {
  id: string;
  modified: string;
  withdrawn: number;
  aliases: string;
  related: string;
  summary: string | null;
  severity: string;
  score: number | null;
  vector: string | null;
  urls: string;
}

interface RawAffected {
  advisory_id: string;
  ecosystem: string;
  name: string;
  ranges: string;
  versions: string;
  severity: string | null;
}

/** Opens (and migrates) a database for writing. */
export function openWritableDb(path: string): Database {
  const db = new Database(path, { create: true });
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  db.exec(DDL);
  const current = db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'schemaVersion'").get();
  if (current && Number(current.value) !== SCHEMA_VERSION) {
    throw new Error(`${path}: schema version ${current.value}, this build reads ${SCHEMA_VERSION}; re-import the database`);
  }
  db.query("INSERT OR REPLACE INTO meta(key, value) VALUES ('schemaVersion', ?)").run(String(SCHEMA_VERSION));
  return db;
}

export interface Writer {
  /** Adds or replaces a record; an older `modified` than the stored copy is ignored. Returns true if stored. */
  put(record: OsvRecord): boolean;
  finish(sources: string[]): void;
}

/** Batches writes in transactions; a record with the same id from several files is one record. */
export function createWriter(db: Database): Writer {
  const getModified = db.query<{ modified: string }, [string]>("SELECT modified FROM advisory WHERE id = ?");
  const insertAdvisory = db.query(
    "INSERT OR REPLACE INTO advisory(id, modified, withdrawn, aliases, related, summary, severity, score, vector, urls) VALUES (?,?,?,?,?,?,?,?,?,?)",
  );
  const deleteAffected = db.query("DELETE FROM affected WHERE advisory_id = ?");
  const insertAffected = db.query("INSERT INTO affected(advisory_id, ecosystem, name_key, name, ranges, versions, severity) VALUES (?,?,?,?,?,?,?)");
  let pending = 0;
  db.exec("BEGIN");
  const commitEvery = 5000;
  return {
    put(record) {
      const existing = getModified.get(record.id);
      if (existing && existing.modified >= record.modified) return false;
      const scored = scoreRecordSeverity(record.severity, record.database_specific?.severity);
      insertAdvisory.run(
        record.id,
        record.modified,
        record.withdrawn ? 1 : 0,
        JSON.stringify(record.aliases),
        JSON.stringify(record.related),
        record.summary ?? null,
        scored.severity,
        scored.score ?? null,
        scored.vector ?? null,
        JSON.stringify(record.references.map((r) => r.url).slice(0, 20)),
      );
      if (existing) deleteAffected.run(record.id);
      for (const a of record.affected) {
        if (!a.package) continue;
        const ranges: StoredRange[] = a.ranges.filter((r) => r.type !== "GIT").map((r) => ({ type: r.type, events: r.events }));
        const urgency = severityFromWord(a.ecosystem_specific?.urgency) ?? severityFromWord(a.ecosystem_specific?.severity);
        insertAffected.run(record.id, a.package.ecosystem, normalisePackageName(a.package.ecosystem, a.package.name), a.package.name, JSON.stringify(ranges), JSON.stringify(a.versions), urgency ?? null);
      }
      if (++pending >= commitEvery) {
        db.exec("COMMIT; BEGIN");
        pending = 0;
      }
      return true;
    },
    finish(sources) {
      const prior = db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'sources'").get();
      const all = [...new Set([...(prior ? (JSON.parse(prior.value) as string[]) : []), ...sources])];
      db.query("INSERT OR REPLACE INTO meta(key, value) VALUES ('builtAt', ?)").run(new Date().toISOString());
      db.query("INSERT OR REPLACE INTO meta(key, value) VALUES ('sources', ?)").run(JSON.stringify(all));
      db.exec("COMMIT");
      db.exec("PRAGMA optimize");
    },
  };
}

/** Opens an existing database read-only for matching. */
export function openVulnDb(path: string): VulnDb {
  if (!existsSync(path)) throw new Error(`vulnerability database not found at ${path} (create it with: ks vulndb import SOURCE --db ${path})`);
  const db = new Database(path, { readonly: true });
  const version = db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'schemaVersion'").get();
  if (!version || Number(version.value) !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`${path}: not a vulnerability database of schema ${SCHEMA_VERSION}`);
  }
  const lookupStmt = db.query<RawAffected, [string, string]>("SELECT advisory_id, ecosystem, name, ranges, versions, severity FROM affected WHERE ecosystem = ? AND name_key = ?");
  const advisoryStmt = db.query<RawAdvisory, [string]>("SELECT * FROM advisory WHERE id = ?");
  const advisoryCache = new Map<string, AdvisoryRow | undefined>();
  return {
    lookup(ecosystem, name) {
      return lookupStmt.all(ecosystem, normalisePackageName(ecosystem, name)).map((r) => ({
        advisoryId: r.advisory_id,
        ecosystem: r.ecosystem,
        name: r.name,
        ranges: JSON.parse(r.ranges) as StoredRange[],
        versions: JSON.parse(r.versions) as string[],
        severity: (r.severity ?? undefined) as Severity | undefined,
      }));
    },
    advisory(id) {
      if (advisoryCache.has(id)) return advisoryCache.get(id);
      const r = advisoryStmt.get(id);
      const row: AdvisoryRow | undefined = r
        ? {
            id: r.id,
            modified: r.modified,
            withdrawn: r.withdrawn === 1,
            aliases: JSON.parse(r.aliases) as string[],
            related: JSON.parse(r.related) as string[],
            summary: r.summary ?? undefined,
            severity: r.severity as Severity,
            score: r.score ?? undefined,
            vector: r.vector ?? undefined,
            urls: JSON.parse(r.urls) as string[],
          }
        : undefined;
      advisoryCache.set(id, row);
      return row;
    },
    meta() {
      return readMeta(db);
    },
    close() {
      db.close();
    },
  };
}

export function readMeta(db: Database): DbMeta {
  const get = (k: string) => db.query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?").get(k)?.value;
  const ecosystems: Record<string, number> = {};
  for (const row of db.query<{ ecosystem: string; n: number }, []>("SELECT ecosystem, COUNT(DISTINCT advisory_id) AS n FROM affected GROUP BY ecosystem ORDER BY ecosystem").all()) {
    ecosystems[row.ecosystem] = row.n;
  }
  return {
    schemaVersion: Number(get("schemaVersion") ?? 0),
    builtAt: get("builtAt") ?? "",
    sources: JSON.parse(get("sources") ?? "[]") as string[],
    advisories: db.query<{ n: number }, []>("SELECT COUNT(*) AS n FROM advisory").get()?.n ?? 0,
    affectedPackages: db.query<{ n: number }, []>("SELECT COUNT(*) AS n FROM affected").get()?.n ?? 0,
    ecosystems,
  };
}
