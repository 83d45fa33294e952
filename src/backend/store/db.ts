/**
 * The little SQL surface the store needs, implemented once for SQLite and once for PostgreSQL,
 * so every query is written once. Queries use `?` placeholders; the PostgreSQL driver rewrites
 * them to `$n`. Values are strings, numbers or null (booleans are stored as 0/1, JSON as text).
 */
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a write; `changes` is the number of rows it touched. */
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `fn` in one transaction: all its writes land together or not at all. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders to PostgreSQL's `$1, $2, ...` (queries here never quote a `?`). */
export function toDollarPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A FIFO async lock: SQLite has one connection, so a transaction must not interleave with others. */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
