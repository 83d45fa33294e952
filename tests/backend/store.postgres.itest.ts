import { describe } from "bun:test";
import { openStore } from "../../src/backend/store/open.ts";
import { type RunningPostgres, startPostgres } from "./postgres.ts";
import { defineStoreSuite } from "./storeSuite.ts";

describe("store on a real PostgreSQL server", () => {
  let pg: RunningPostgres | undefined;
  defineStoreSuite(
    async () => {
      pg = await startPostgres();
      return openStore({ databaseUrl: pg.url, dataDir: "unused" });
    },
    async () => pg?.stop(),
  );
});
