import { SQL } from "bun";
import { type Row, type SqlDatabase, type SqlExecutor, type SqlValue, toDollarPlaceholders } from "./db.ts";

interface UnsafeRunner {
  unsafe(sql: string, params?: unknown[]): Promise<unknown>;
}

function executor(runner: UnsafeRunner): SqlExecutor {
  return {
    async query<T extends Row>(sql: string, params: SqlValue[] = []) {
      const rows = (await runner.unsafe(toDollarPlaceholders(sql), params)) as T[];
      return [...rows];
    },
    async run(sql: string, params: SqlValue[] = []) {
      const r = (await runner.unsafe(toDollarPlaceholders(sql), params)) as { count?: number };
      return { changes: Number(r.count ?? 0) };
    },
  };
}

/** PostgreSQL through Bun's SQL client (`DATABASE_URL=postgres://...`). */
export function openPostgres(url: string, maxConnections = 10): SqlDatabase {
  const sql = new SQL({ url, max: maxConnections });
  const base = executor(sql as unknown as UnsafeRunner);
  return {
    dialect: "postgres",
    ...base,
    transaction: (fn) => sql.begin((tx) => fn(executor(tx as unknown as UnsafeRunner))) as Promise<never>,
    exec: async (script) => {
      await sql.unsafe(script).simple();
    },
    close: async () => {
      await sql.close();
    },
  };
}
