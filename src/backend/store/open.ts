import { join } from "node:path";
import { ConfigError } from "../../common/errors.ts";
import { openPostgres } from "./postgres.ts";
import { openSqlite } from "./sqlite.ts";
import { SqlStore } from "./sqlStore.ts";
import type { Store } from "./types.ts";

export interface StoreLocation {
  /** `postgres://...` selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

/** Opens the configured store and applies pending migrations. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const url = location.databaseUrl?.trim();
  let store: Store;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_URL must start with postgres:// (got ${url.split(":")[0]}:)`);
    store = new SqlStore(openPostgres(url));
  } else {
    store = new SqlStore(openSqlite(location.dataDir === ":memory:" ? ":memory:" : join(location.dataDir, "backend.sqlite")));
  }
  await store.migrate();
  return store;
}
