import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { AsyncLock, type Row, type SqlDatabase, type SqlExecutor, type SqlValue } from "./db.ts";

/** SQLite through `bun:sqlite` in WAL mode. One connection; writes and transactions are serialised. */
export function openSqlite(path: string): SqlDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { create: true, strict: true });
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  const lock = new AsyncLock();
  const direct: SqlExecutor = {
    async query<T extends Row>(sql: string, params: SqlValue[] = []) {
      return db.query(sql).all(...params) as T[];
    },
    async run(sql: string, params: SqlValue[] = []) {
      const r = db.query(sql).run(...params);
      return { changes: r.changes };
    },
  };
  return {
    dialect: "sqlite",
    // Reads and single writes wait for a running transaction, so they never join it.
    query: (sql, params) => lock.hold(() => direct.query(sql, params)),
    run: (sql, params) => lock.hold(() => direct.run(sql, params)),
    transaction: (fn) =>
      lock.hold(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const out = await fn(direct);
          db.exec("COMMIT");
          return out;
        } catch (err) {
          db.exec("ROLLBACK");
          throw err;
        }
      }),
    exec: async (script) => {
      await lock.hold(async () => db.exec(script));
    },
    close: async () => {
      await lock.hold(async () => db.close());
    },
  };
}
