import { parseArgs } from "node:util";
import { openVulnDb } from "./store.ts";
import { importOsv } from "./import.ts";
import { defaultDbPath } from "./location.ts";

const USAGE = `usage:
  ks vulndb import SOURCE... [--db FILE]   import OSV JSON (folders, .json files, .zip archives)
  ks vulndb status [--db FILE] [--json]    schema version, build time, sources, counts

--db defaults to $KS_VULNDB or ~/.cache/ks/vulndb.sqlite`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let values: { db?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
  } catch (err) {
    console.error(`ks vulndb: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || sub === "--help" || sub === "-h") {
    console.log(USAGE);
    return 0;
  }
  const dbPath = values.db ?? defaultDbPath();
  if (sub === "import") {
    if (positionals.length === 0) {
      console.error(`ks vulndb import: name at least one SOURCE\n${USAGE}`);
      return 2;
    }
    const started = performance.now();
    const res = await importOsv(positionals, dbPath);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`imported ${res.stored} records (${res.duplicates} duplicates, ${res.rejected.length} rejected) from ${res.read} files in ${seconds}s into ${dbPath}`);
    for (const r of res.rejected.slice(0, 10)) console.error(`rejected ${r.source}: ${r.error}`);
    console.log(`database: ${res.meta.advisories} advisories, ${res.meta.affectedPackages} affected-package entries`);
    return 0;
  }
  if (sub === "status") {
    const db = openVulnDb(dbPath);
    const meta = db.meta();
    db.close();
    if (values.json) console.log(JSON.stringify({ path: dbPath, ...meta }, null, 2));
    else {
      console.log(`database:        ${dbPath}`);
      console.log(`schema version:  ${meta.schemaVersion}`);
      console.log(`built at:        ${meta.builtAt}`);
      console.log(`sources:         ${meta.sources.join(", ")}`);
      console.log(`advisories:      ${meta.advisories}`);
      console.log(`affected pkgs:   ${meta.affectedPackages}`);
      for (const [eco, n] of Object.entries(meta.ecosystems)) console.log(`  ${eco.padEnd(20)} ${n}`);
    }
    return 0;
  }
  console.error(`ks vulndb: unknown subcommand "${sub ?? ""}"\n${USAGE}`);
  return 2;
}
