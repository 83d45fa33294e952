import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../support/ports.ts";
import { startProcess } from "../support/processes.ts";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server (Debian's `postgresql` package) in a temp dir on a random
 * 127.0.0.1 port. PostgreSQL refuses to run as root, so as root it runs as `nobody`.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  if (!existsSync(join(PG_BIN, "initdb"))) throw new Error(`PostgreSQL not installed at ${PG_BIN} (apt-get install postgresql)`);
  const dir = mkdtempSync(join(tmpdir(), "ks-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;
  if (asRoot) chownSync(dir, nobody, nobody);
  const wrap = (cmd: string, args: string[]) => (asRoot ? ["runuser", ["-u", "nobody", "--", cmd, ...args]] as const : [cmd, args] as const);
  const [initCmd, initArgs] = wrap(join(PG_BIN, "initdb"), ["-D", data, "-U", "ks", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const init = spawnSync(initCmd, [...initArgs], { encoding: "utf8", cwd: dir });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [pgCmd, pgArgs] = wrap(join(PG_BIN, "postgres"), ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-c", "fsync=off", "-c", "full_page_writes=off"]);
  const logFile = join(tmpdir(), `ks-pg-${port}.log`);
  const server = startProcess(pgCmd, [...pgArgs], logFile);
  const url = `postgres://ks@127.0.0.1:${port}/postgres`;
  await waitFor("postgres to accept connections", async () => {
    const { SQL } = await import("bun");
    const sql = new SQL({ url, max: 1, connectionTimeout: 2 });
    try {
      await sql`SELECT 1`;
      return true;
    } finally {
      await sql.close();
    }
  }, 30_000, 200);
  return {
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
