/** Vulnerability DB: import time and size for the shared advisories and a generated 300k-advisory all.zip. */
import { mkdtempSync, statSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { importOsv } from "../src/kubevuln/db/import.ts";
import { openVulnDb } from "../src/kubevuln/db/store.ts";
import { matchPackages } from "../src/kubevuln/match/match.ts";

const shared = process.env.KS_SHARED_DIR ?? resolve(import.meta.dir, "../../shared");
const dir = mkdtempSync(join(tmpdir(), "vulndb-bench-"));
const emit = (metric: string, value: number, unit: string, note?: string) => console.log(JSON.stringify({ bench: "vulndb", metric, value, unit, note }));

let t0 = performance.now();
const small = await importOsv([join(shared, "vulndb/osv")], join(dir, "shared.sqlite"));
emit("import shared advisories", performance.now() - t0, "ms", `${small.meta.advisories} advisories`);
emit("db size, shared advisories", statSync(join(dir, "shared.sqlite")).size / 2 ** 20, "MiB");

// A generated all.zip of 300k realistic records across ecosystems.
const COUNT = Number(process.env.VULNDB_BENCH_COUNT ?? 300_000);
const ecosystems = ["npm", "PyPI", "Go", "Maven", "Debian:12", "Alpine:v3.20", "RubyGems"];
const zipPath = join(dir, "all.zip");
await new Promise<void>((resolveZip, reject) => {
  const out = createWriteStream(zipPath);
  const zip = new Zip((err, chunk, final) => {
    if (err) return reject(err);
    out.write(chunk);
    if (final) out.end(resolveZip);
  });
  for (let i = 0; i < COUNT; i++) {
    const eco = ecosystems[i % ecosystems.length]!;
    const rec = {
      id: `GEN-${i}`,
      modified: "2026-01-01T00:00:00Z",
      aliases: [`CVE-2026-${100000 + i}`],
      summary: `generated advisory ${i} for benchmarking`,
      severity: i % 3 === 0 ? [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }] : [],
      affected: [{ package: { ecosystem: eco, name: `pkg-${i % 40000}` }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: `${1 + (i % 9)}.${i % 13}.0` }] }] }],
      references: [{ type: "WEB", url: `https://example.invalid/advisory/${i}` }],
    };
    const entry = new ZipDeflate(`${eco}/GEN-${i}.json`, { level: 1 });
    zip.add(entry);
    entry.push(strToU8(JSON.stringify(rec)), true);
  }
  zip.end();
});
emit("generated all.zip size", statSync(zipPath).size / 2 ** 20, "MiB", `${COUNT} records`);
t0 = performance.now();
const big = await importOsv([zipPath], join(dir, "big.sqlite"));
emit(`import ${COUNT} advisories from all.zip`, (performance.now() - t0) / 1000, "s", `${Math.round(big.stored / ((performance.now() - t0) / 1000))} records/s`);
emit(`db size, ${COUNT} advisories`, statSync(join(dir, "big.sqlite")).size / 2 ** 20, "MiB");

// Matching cost against the big DB: 1,000 packages.
const db = openVulnDb(join(dir, "big.sqlite"));
const packages = Array.from({ length: 1000 }, (_, i) => ({ name: `pkg-${i * 37}`, version: "1.0.0", type: "npm" as const, purl: "", locations: [], licenses: [] }));
t0 = performance.now();
const findings = matchPackages({ source: { type: "rootfs", name: "bench" }, packages }, db);
emit(`match 1,000 npm packages against the ${COUNT}-advisory DB`, performance.now() - t0, "ms", `${findings.length} findings`);
db.close();
emit("peak RSS", process.memoryUsage().rss / 2 ** 20, "MiB", "whole bench process (includes zip generation)");
