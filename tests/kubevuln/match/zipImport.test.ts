import { expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { importOsv } from "../../../src/kubevuln/db/import.ts";
import { openVulnDb } from "../../../src/kubevuln/db/store.ts";

const record = (id: string, modified: string, fixed: string) =>
  strToU8(JSON.stringify({ id, modified, affected: [{ package: { ecosystem: "npm", name: "left-pad" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed }] }] }] }));

test("imports per-ecosystem zip archives as OSV publishes them; newer copies win; junk entries are reported", async () => {
  const dir = mkdtempSync(join(tmpdir(), "osvzip-"));
  writeFileSync(join(dir, "npm.zip"), zipSync({ "GHSA-aaaa-bbbb-cccc.json": record("GHSA-aaaa-bbbb-cccc", "2024-01-01T00:00:00Z", "1.0.0"), "README.txt": strToU8("not a record"), "bad.json": strToU8('{"id": 5}') }));
  writeFileSync(join(dir, "all.zip"), zipSync({ "npm/GHSA-aaaa-bbbb-cccc.json": record("GHSA-aaaa-bbbb-cccc", "2025-01-01T00:00:00Z", "1.2.0") }));
  const res = await importOsv([join(dir, "npm.zip"), join(dir, "all.zip")], join(dir, "db.sqlite"));
  expect(res.stored).toBe(2);
  expect(res.rejected).toHaveLength(1);
  expect(res.rejected[0]!.error).toMatch(/^not an OSV record: id/);
  const db = openVulnDb(join(dir, "db.sqlite"));
  const rows = db.lookup("npm", "left-pad");
  expect(rows).toHaveLength(1);
  expect(rows[0]!.ranges[0]!.events).toEqual([{ introduced: "0" }, { fixed: "1.2.0" }]);
  expect(db.meta().sources).toEqual([join(dir, "npm.zip"), join(dir, "all.zip")]);
  db.close();
});

test("opening a missing database names the command that creates it", () => {
  expect(() => openVulnDb("/nonexistent/v.sqlite")).toThrow(/ks vulndb import/);
});
