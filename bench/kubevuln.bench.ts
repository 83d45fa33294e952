/**
 * Image scanning: cold and warm scan time and peak RSS for the debootstrap'd bookworm image
 * (88 dpkg packages, one 95 MB gzip layer) pulled from a real docker-registry on loopback, plus
 * peak RSS for a large image (the root three times over: about 600 MB uncompressed) to show that
 * memory does not grow with image size. Assets come from tests/kubevuln/assets.ts (cached).
 * Targets: warm < 1 s, peak RSS < 150 MiB.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importOsv } from "../src/kubevuln/db/import.ts";
import { openVulnDb } from "../src/kubevuln/db/store.ts";
import { matchPackages } from "../src/kubevuln/match/match.ts";
import { buildSbom } from "../src/kubevuln/sbomBuilder.ts";
import { ASSETS_ROOT, ensureAssets } from "../tests/kubevuln/assets.ts";
import { pushOci, startDockerRegistry } from "../tests/kubevuln/support/dockerRegistry.ts";
import { SHARED_DIR } from "../tests/support/shared.ts";

const root = join(import.meta.dir, "..");
const emit = (metric: string, value: number, unit: string, extra: { floor?: number; note?: string } = {}) =>
  console.log(JSON.stringify({ bench: "kubevuln", metric, value: Math.round(value * 10) / 10, unit, ...extra }));

async function sh(cmd: string[]): Promise<void> {
  const p = Bun.spawn(cmd, { stdout: "ignore", stderr: "pipe" });
  if ((await p.exited) !== 0) throw new Error(`${cmd.join(" ")}: ${await new Response(p.stderr).text()}`);
}

/** Runs `ks ...` in a fresh process under GNU time: wall ms and peak RSS MiB. */
async function child(args: string[]): Promise<{ ms: number; rssMiB: number }> {
  const t0 = performance.now();
  const p = Bun.spawn(["/usr/bin/time", "-f", "%M", process.execPath, join(root, "src/main.ts"), ...args], { stdout: "ignore", stderr: "pipe" });
  const err = await new Response(p.stderr).text();
  const code = await p.exited;
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`ks ${args.join(" ")} failed: ${err.slice(-500)}`);
  const kb = Number(err.trim().split("\n").pop());
  return { ms, rssMiB: kb / 1024 };
}

/** A bigger image: the bookworm root inserted three times under different folders (umoci, cached). */
async function bigImage(rootfs: string): Promise<string> {
  const dir = join(ASSETS_ROOT, "bench-big-oci");
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  await sh(["umoci", "init", "--layout", tmp]);
  await sh(["umoci", "new", "--image", `${tmp}:big`]);
  for (const where of ["/", "/copy-a", "/copy-b"]) await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:big`, rootfs, where]);
  renameSync(tmp, dir);
  return dir;
}

const assets = await ensureAssets();
const work = mkdtempSync(join(tmpdir(), "ks-kubevuln-bench-"));
const dbPath = join(work, "db.sqlite");
await importOsv([join(SHARED_DIR, "vulndb/osv")], dbPath);
const registry = await startDockerRegistry("none");
try {
  await pushOci(assets.ociDir, "bookworm", registry, "debian:bookworm");
  const ref = `${registry.host}/debian:bookworm`;

  // cold: a new process pulls, squashes, catalogs and matches
  const colds = [];
  for (let i = 0; i < 3; i++) colds.push(await child(["image", "scan", ref, "--plain-http", "--db", dbPath, "--format", "json", "--output", join(work, "cold.json")]));
  colds.sort((a, b) => a.ms - b.ms);
  emit("bookworm cold scan (new process, registry pull)", colds[1]!.ms, "ms", { note: "median of 3; includes Bun start-up" });
  emit("bookworm cold scan peak RSS", Math.max(...colds.map((c) => c.rssMiB)), "MiB", { note: "target < 150" });

  // warm: same process, JIT and page cache warm, full pull + scan each time (no result cache)
  const db = openVulnDb(dbPath);
  const input = { kind: "registry" as const, reference: ref, registry: { useHTTP: true } };
  let packages = 0;
  let findings = 0;
  const warm: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const { sbom } = await buildSbom(input);
    findings = matchPackages(sbom, db).length;
    packages = sbom.packages.length;
    if (i > 0) warm.push(performance.now() - t0);
  }
  warm.sort((a, b) => a - b);
  emit("bookworm warm scan (pull + SBOM + match)", warm[1]!, "ms", { note: `median of 3; ${packages} packages, ${findings} findings; target < 1000` });
  const t0 = performance.now();
  const { sbom } = await buildSbom(input);
  const tSbom = performance.now() - t0;
  const t1 = performance.now();
  matchPackages(sbom, db);
  emit("bookworm matching only (service digest-cache hit)", performance.now() - t1, "ms");
  emit("bookworm SBOM only", tSbom, "ms");
  db.close();

  // memory does not follow image size
  const big = await bigImage(assets.rootfs);
  const bigRun = await child(["sbom", "--oci-dir", `${big}:big`, "--format", "json", "--output", join(work, "big.json")]);
  emit("large image (3 layers, ~600 MB uncompressed) SBOM peak RSS", bigRun.rssMiB, "MiB", { note: "target < 150" });
  emit("large image SBOM time (new process)", bigRun.ms, "ms");
  const idle = await child(["sbom", "--help"]);
  emit("ks process baseline RSS (for comparison)", idle.rssMiB, "MiB");
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
