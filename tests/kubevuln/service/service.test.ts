import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { silentLogger } from "../../../src/common/log.ts";
import { EventReceiverClient } from "../../../src/common/reporter.ts";
import { importOsv } from "../../../src/kubevuln/db/import.ts";
import { containerScanChunks } from "../../../src/kubevuln/service/containerScanReport.ts";
import { ImageScanner } from "../../../src/kubevuln/service/imageScanner.ts";
import { ScanQueue } from "../../../src/kubevuln/service/scanQueue.ts";
import { createKubevulnApp } from "../../../src/kubevuln/service/server.ts";
import { VulnDbHolder } from "../../../src/kubevuln/service/vulnDbHolder.ts";
import type { Finding, Package } from "../../../src/kubevuln/types.ts";
import { SHARED_DIR } from "../../support/shared.ts";
import { waitFor } from "../../support/ports.ts";
import { startMiniRegistry } from "../support/miniRegistry.ts";
import { makeTar } from "../support/tarWriter.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-kubevuln-svc-"));
const dbPath = join(dir, "db.sqlite");

// an in-process event receiver that records what arrives
const received: Array<{ path: string; query: string; body: Record<string, unknown> }> = [];
const receiver = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(req) {
    const url = new URL(req.url);
    received.push({ path: url.pathname, query: url.search, body: (await req.json()) as Record<string, unknown> });
    return new Response("ok");
  },
});

const layer = gzipSync(
  makeTar([
    { name: "etc/os-release", content: 'ID=debian\nVERSION_ID="12"\n' },
    { name: "app/node_modules/minimist/package.json", content: JSON.stringify({ name: "minimist", version: "1.2.5" }) },
    { name: "app/node_modules/lodash/package.json", content: JSON.stringify({ name: "lodash", version: "4.17.20" }) },
  ]),
);
const registry = startMiniRegistry([{ repository: "shop/web", tag: "1.0", layers: [layer] }]);

async function service(dbFile: string) {
  const holder = new VulnDbHolder({ path: dbFile, download: false }, silentLogger);
  const reporter = new EventReceiverClient({ baseUrl: `http://127.0.0.1:${receiver.port}`, accessKey: "key-1", logger: silentLogger });
  const scanner = new ImageScanner({ db: holder, reporter, accountId: "acct-1", clusterName: "c1", logger: silentLogger, now: () => new Date("2026-11-27T06:00:00Z") });
  const queue = new ScanQueue(1, 2);
  const { app, health } = createKubevulnApp({ logger: silentLogger, scanner, queue });
  return { app, health, holder, reporter, scanner, queue };
}

const post = (app: { handle(r: Request): Promise<Response> }, path: string, body: string) =>
  app.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body }));

beforeAll(async () => {
  await importOsv([join(SHARED_DIR, "vulndb/osv/npm")], dbPath);
});
afterAll(() => {
  receiver.stop(true);
  registry.stop();
  rmSync(dir, { recursive: true, force: true });
});

const command = {
  imageTag: "",
  wlid: "wlid://cluster-c1/namespace-shop/deployment-web",
  containerName: "web",
  jobID: "job-1",
  parentJobID: "parent-1",
  actionIDN: 2,
  session: { jobIDs: ["root-1"] },
  credentialsList: [],
  args: { useHTTP: true },
};

describe("kubevuln service", () => {
  test("readiness is 503 until the database loads; scans are refused meanwhile", async () => {
    const svc = await service(join(dir, "later.sqlite"));
    expect(await svc.holder.tryLoad()).toBe(false);
    expect((await svc.app.handle(new Request("http://localhost/v1/readiness"))).status).toBe(503);
    const refused = await post(svc.app, "/v1/scanImage", JSON.stringify({ ...command, imageTag: "x/y:1" }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const { copyFileSync } = await import("node:fs");
    copyFileSync(dbPath, join(dir, "later.sqlite"));
    expect(await svc.holder.tryLoad()).toBe(true);
    svc.health.setReady();
    expect((await svc.app.handle(new Request("http://localhost/v1/readiness"))).status).toBe(200);
    svc.holder.close();
  });

  test("the database downloads from a URL when missing; air-gapped (downloads off) uses only the mounted file", async () => {
    const bytes = await Bun.file(dbPath).arrayBuffer();
    let served = 0;
    const artifacts = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => (served++, new Response(bytes)) });
    const url = `http://127.0.0.1:${artifacts.port}/vulndb.sqlite`;
    const airGapped = new VulnDbHolder({ path: join(dir, "dl", "gapped.sqlite"), url, download: false }, silentLogger);
    expect(await airGapped.tryLoad()).toBe(false);
    expect(airGapped.lastError).toContain("downloads are off");
    const online = new VulnDbHolder({ path: join(dir, "dl", "vulndb.sqlite"), url, download: true }, silentLogger);
    expect(await online.tryLoad()).toBe(true);
    expect(served).toBe(1);
    expect(online.current.meta().advisories).toBeGreaterThan(0);
    online.close();
    // a download that is not a database is refused and leaves nothing behind
    const junk = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("not sqlite") });
    const bad = new VulnDbHolder({ path: join(dir, "dl", "bad.sqlite"), url: `http://127.0.0.1:${junk.port}/x`, download: true }, silentLogger);
    expect(await bad.tryLoad()).toBe(false);
    expect(await Bun.file(join(dir, "dl", "bad.sqlite")).exists()).toBe(false);
    artifacts.stop(true);
    junk.stop(true);
  });

  test("bad bodies get RFC 7807 problems naming the field", async () => {
    const svc = await service(dbPath);
    const malformed = await post(svc.app, "/v1/scanImage", "{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: "about:blank", title: "malformed body", status: 400 });
    const missing = await post(svc.app, "/v1/scanRegistryImage", JSON.stringify({ jobID: "j" }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 400, field: "imageTag" });
    const wrongType = await post(svc.app, "/v1/generateSBOM", JSON.stringify({ imageTag: "a:1", actionIDN: "two" }));
    expect(((await wrongType.json()) as { field: string }).field).toBe("actionIDN");
    const swagger = (await (await svc.app.handle(new Request("http://localhost/swagger/json"))).json()) as { paths: Record<string, { post?: { requestBody?: unknown } }> };
    expect(swagger.paths["/v1/scanImage"]?.post?.requestBody).toBeDefined();
  });

  test("scanImage: accepted, scanned from the registry, results chunked to containerScan, statuses to sysreport; second scan hits the digest cache", async () => {
    const svc = await service(dbPath);
    expect(await svc.holder.tryLoad()).toBe(true);
    svc.health.setReady();
    const body = { ...command, imageTag: `${registry.host}/shop/web:1.0` };
    const res = await post(svc.app, "/v1/scanImage", JSON.stringify(body));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { detail: string }).detail).toContain("Wlid=wlid://cluster-c1/namespace-shop/deployment-web");
    await svc.queue.idle();
    await svc.reporter.flush();
    const results = received.filter((r) => r.path === "/k8s/v2/containerScan");
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results[0]!.query).toBe("?customerGUID=acct-1");
    const first = results[0]!.body as { summary: { wlid: string; imageHash: string; severitiesStats: unknown[] }; vulnerabilities: Array<{ name: string; packageName: string }>; paginationInfo: { isLastChunk: boolean } };
    expect(first.summary.wlid).toBe(body.wlid);
    expect(first.summary.imageHash).toBe(registry.manifestDigest("shop/web", "1.0"));
    const names = results.flatMap((r) => (r.body.vulnerabilities as Array<{ name: string; packageName: string }>).map((v) => `${v.packageName}:${v.name}`));
    expect(names).toContain("minimist:CVE-2021-44906");
    expect(names).toContain("lodash:CVE-2021-23337");
    expect((results.at(-1)!.body.paginationInfo as { isLastChunk: boolean }).isLastChunk).toBe(true);
    const statuses = received.filter((r) => r.path === "/k8s/sysreport").map((r) => r.body.status);
    expect(statuses).toEqual(["started", "in progress", "success", "done"]);
    const sys = received.find((r) => r.path === "/k8s/sysreport")!.body;
    expect(sys).toMatchObject({ reporter: "ca-vuln-scan", action: "vuln scan", jobID: "job-1", parentAction: "parent-1", actionID: "3", numSeq: 3 });
    // same image again, named by digest: no registry traffic for layers
    const layerFetches = registry.requests.filter((r) => r.includes("/blobs/")).length;
    await post(svc.app, "/v1/scanImage", JSON.stringify({ ...body, imageHash: registry.manifestDigest("shop/web", "1.0"), jobID: "job-2" }));
    await svc.queue.idle();
    expect(registry.requests.filter((r) => r.includes("/blobs/")).length).toBe(layerFetches);
    expect(svc.scanner.stats.cacheHits).toBe(1);
    svc.holder.close();
  });

  test("a scan that fails (unknown image) reports failure with the reason and the service keeps serving", async () => {
    const svc = await service(dbPath);
    await svc.holder.tryLoad();
    svc.health.setReady();
    received.length = 0;
    expect((await post(svc.app, "/v1/scanRegistryImage", JSON.stringify({ imageTag: `${registry.host}/shop/missing:9`, jobID: "job-x", args: { useHTTP: "true" } }))).status).toBe(200);
    await svc.queue.idle();
    await svc.reporter.flush();
    const failure = received.find((r) => r.body.status === "failure");
    expect((failure?.body.errors as string[])[0]).toMatch(/answered 404/);
    expect((await svc.app.handle(new Request("http://localhost/v1/liveness"))).status).toBe(200);
    svc.holder.close();
  });

  test("the queue is bounded: beyond it, 503 busy", async () => {
    const svc = await service(dbPath);
    await svc.holder.tryLoad();
    svc.health.setReady();
    // a registry that never answers keeps the single worker busy
    const hang = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Promise<Response>(() => {}) });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(svc.app, "/v1/scanRegistryImage", JSON.stringify({ imageTag: `127.0.0.1:${hang.port}/a/b:${i}`, args: { useHTTP: true } }))).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    hang.stop(true);
    await waitFor("queue drained", () => svc.queue.size === 0, 10_000);
    svc.holder.close();
  });
});

describe("containerScan chunks", () => {
  test("~30 KB chunks, summary only in the first, pagination marks", () => {
    const pkg: Package = { name: "p", version: "1", type: "npm", purl: "pkg:npm/p@1", locations: [], licenses: [] };
    const findings: Finding[] = Array.from({ length: 300 }, (_, i) => ({
      id: `CVE-2024-${1000 + i}`,
      aliases: [],
      package: pkg,
      installedVersion: "1",
      fixedVersions: ["2"],
      fixState: "fixed",
      severity: "High",
      summary: "x".repeat(200),
      urls: [],
      matchDetails: { advisoryId: `CVE-2024-${1000 + i}`, ecosystem: "npm", packageName: "p", range: "<2" },
    }));
    const chunks = containerScanChunks({ command: { imageTag: "a/b:1", wlid: "wlid://cluster-c/namespace-n/deployment-d" }, accountId: "a", clusterName: "c", sbom: { source: { type: "image", name: "a/b:1" }, packages: [pkg] }, findings, now: 1 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const [i, c] of chunks.entries()) {
      expect(JSON.stringify(c.vulnerabilities).length).toBeLessThan(31_000);
      expect(c.paginationInfo).toEqual({ chunkNumber: i, isLastChunk: i === chunks.length - 1 });
      expect("summary" in c).toBe(i === 0);
    }
    expect(chunks.flatMap((c) => c.vulnerabilities as unknown[])).toHaveLength(300);
  });
});
