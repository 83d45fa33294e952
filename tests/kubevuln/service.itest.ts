/**
 * `ks kubevuln` as a real process: air-gapped start without a database (readiness 503), the
 * database mounted later (readiness 200), a scanImage request for the debootstrap'd bookworm
 * image in Debian's docker-registry (htpasswd, credentials in the request), results and job
 * status at an event receiver on loopback, clean exit on SIGTERM.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importOsv } from "../../src/kubevuln/db/import.ts";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";
import { SHARED_DIR } from "../support/shared.ts";
import { ensureAssets } from "./assets.ts";
import { dpkgOracle } from "./support/oracles.ts";
import { pushOci, type RunningRegistry, startDockerRegistry } from "./support/dockerRegistry.ts";

const root = join(import.meta.dir, "../..");
const work = mkdtempSync(join(tmpdir(), "ks-kubevuln-proc-"));
const received: Array<{ path: string; headers: Headers; body: Record<string, unknown> }> = [];
const receiver = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(req) {
    received.push({ path: new URL(req.url).pathname, headers: req.headers, body: (await req.json()) as Record<string, unknown> });
    return new Response("ok");
  },
});
let registry: RunningRegistry;
let proc: Started;
let port: number;

beforeAll(async () => {
  const assets = await ensureAssets();
  registry = await startDockerRegistry("htpasswd");
  await pushOci(assets.ociDir, "bookworm", registry, "base/debian:bookworm");
  await importOsv([join(SHARED_DIR, "vulndb/osv")], join(work, "prepared.sqlite"));
  writeFileSync(join(work, "clusterData.json"), JSON.stringify({ accountID: "acct-9", clusterName: "itest", eventReceiverRestURL: `127.0.0.1:${receiver.port}`, scanTimeout: "2m" }));
  port = await freePort();
  proc = startProcess(process.execPath, [join(root, "src/main.ts"), "kubevuln"], join(work, "kubevuln.log"), {
    ...process.env,
    PORT: String(port),
    BIND_ADDRESS: "127.0.0.1",
    CONFIG: join(work, "clusterData.json"),
    CREDENTIALS_DIR: join(work, "no-credentials"),
    ACCESS_KEY: "itest-key",
    KS_VULNDB: join(work, "mounted", "vulndb.sqlite"),
    KS_DOWNLOAD_ARTIFACTS: "false",
    KS_VULNDB_RETRY_SECONDS: "1",
  });
  await waitFor("kubevuln liveness", async () => (await fetch(`http://127.0.0.1:${port}/v1/liveness`).catch(() => undefined))?.ok);
}, 600_000);

afterAll(async () => {
  await proc?.stop();
  await registry?.stop();
  receiver.stop(true);
  rmSync(work, { recursive: true, force: true });
});

test("not ready without a database (air-gapped); ready once it is mounted", async () => {
  const before = await fetch(`http://127.0.0.1:${port}/v1/readiness`);
  expect(before.status).toBe(503);
  const { mkdirSync } = await import("node:fs");
  mkdirSync(join(work, "mounted"), { recursive: true });
  copyFileSync(join(work, "prepared.sqlite"), join(work, "mounted", "vulndb.sqlite"));
  await waitFor("readiness 200", async () => (await fetch(`http://127.0.0.1:${port}/v1/readiness`)).status === 200, 15_000);
});

test("scanImage: the real image's packages are scanned and reported; SIGTERM exits cleanly", async () => {
  const body = {
    imageTag: `${registry.host}/base/debian:bookworm`,
    imageHash: "",
    wlid: "wlid://cluster-itest/namespace-default/deployment-base",
    containerName: "base",
    jobID: "job-proc-1",
    parentJobID: "parent-proc",
    actionIDN: 0,
    credentialsList: [{ username: registry.username, password: registry.password, serveraddress: registry.host }],
    args: { useHTTP: true, skipTLSVerify: true },
  };
  const res = await fetch(`http://127.0.0.1:${port}/v1/scanImage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  await waitFor("done status", () => received.some((r) => r.path === "/k8s/sysreport" && r.body.status === "done"), 60_000);
  const chunks = received.filter((r) => r.path === "/k8s/v2/containerScan");
  expect(chunks.length).toBeGreaterThanOrEqual(1);
  expect(chunks[0]!.headers.get("x-api-key")).toBe("itest-key");
  const summary = chunks[0]!.body.summary as { packagesCount: number; imageHash: string; cluster: string };
  expect(summary.packagesCount).toBe((await dpkgOracle((await ensureAssets()).rootfs)).length);
  expect(summary.imageHash).toStartWith("sha256:");
  expect(summary.cluster).toBe("itest");
  const vulns = chunks.flatMap((c) => c.body.vulnerabilities as Array<{ packageName: string; name: string }>);
  // the shared advisories have Debian 12 records for bookworm's base packages
  expect(vulns.length).toBeGreaterThan(0);
  expect(vulns.every((v) => v.name && v.packageName)).toBe(true);
  const exited = new Promise<number | null>((r) => proc.child.once("exit", (code) => r(code)));
  proc.child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
