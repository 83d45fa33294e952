import { describe } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/backend/store/open.ts";
import { defineStoreSuite } from "./storeSuite.ts";

describe("store on SQLite (WAL file)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ks-store-"));
  defineStoreSuite(
    () => openStore({ dataDir: dir }),
    async () => rmSync(dir, { recursive: true, force: true }),
  );
});
