import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../../src/common/http/service.ts";
import { silentLogger } from "../../../src/common/log.ts";
import { EventReceiverClient } from "../../../src/common/reporter.ts";
import { runScan, type ScanRequest } from "../../../src/kubescape/scan.ts";
import { canonicalizeKeys, parsePostScanRequest } from "../../../src/kubescape/service/request.ts";
import { createKubescapeService } from "../../../src/kubescape/service/server.ts";
import { postureReportChunks } from "../../../src/kubescape/service/submit.ts";
import { hostPidControl, privilegedControl } from "../engine/helpers.ts";

// The service scans the live cluster in production; here its scan function scans manifest
// files (the same engine), and a gate lets a test hold a scan "running".
const dir = mkdtempSync(join(tmpdir(), "ks-svc-"));
const docs: string[] = [];
for (let i = 0; i < 60; i++) {
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web-${i}, namespace: ns-${i % 3}}
spec:
  template:
    spec:
      hostPID: ${i % 2 === 0}
      containers:
        - {name: c, image: "nginx:1.${i}", securityContext: {privileged: ${i % 4 === 0}}}
`);
}
writeFileSync(join(dir, "many.yaml"), docs.join("---\n"));

let gate: Promise<void> | undefined;
const scannedRequests: ScanRequest[] = [];

// A real HTTP endpoint standing in for the event receiver: it records every chunk.
const received: Array<{ query: Record<string, string>; apiKey: string | null; body: any }> = [];
const receiver = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  fetch: async (req) => {
    const url = new URL(req.url);
    if (url.pathname !== "/k8s/v2/postureReport") return new Response("no", { status: 404 });
    received.push({ query: Object.fromEntries(url.searchParams), apiKey: req.headers.get("x-api-key"), body: await req.json() });
    return new Response("ok");
  },
});

const eventReceiver = new EventReceiverClient({ baseUrl: `http://127.0.0.1:${receiver.port}`, accessKey: "secret-key", logger: silentLogger });
let counter = 0;
const service = createKubescapeService({
  logger: silentLogger,
  eventReceiver,
  customerGUID: "acct-1",
  clusterName: "test-cluster",
  maxQueued: 1,
  reportChunkBytes: 4000,
  defaults: { submit: false },
  newId: () => `scan-${++counter}`,
  scan: async (req) => {
    scannedRequests.push(req);
    if (gate) await gate;
    return runScan({ ...req, paths: [dir] }, { controls: [privilegedControl, hostPidControl] });
  },
});
const running = serve(service.app, service.health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false });
service.health.setReady();
const base = running.url;
afterAll(async () => {
  await running.stop();
  receiver.stop(true);
});

const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("PostScanRequest", () => {
  test("kubescape field names, case-insensitive keys, Go booleans", () => {
    expect(canonicalizeKeys({ TargetNames: ["nsa"], TARGETTYPE: "Framework" })).toEqual({ targetNames: ["nsa"], targetType: "Framework" });
    const r = parsePostScanRequest({ targetType: "Control", targetNames: ["C-0057"], submit: "true", hostScanner: false, excludedNamespaces: ["kube-system"] });
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ submit: true, hostScanner: false, excludedNamespaces: ["kube-system"] }) });
    const bad = parsePostScanRequest({ targetNames: "nsa" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain("targetNames");
  });
});

describe("kubescape REST API", () => {
  test("wait mode returns the v1results report; results kept with keep=true", async () => {
    const res = await post("/v1/scan?wait=true&keep=true", { targetType: "Framework", targetNames: ["NSA"], excludedNamespaces: ["ns-2"] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.type).toBe("v1results");
    expect(body.response.summaryDetails.frameworks[0].name).toBe("NSA");
    expect(body.response.summaryDetails.controls["C-0057"].ResourceCounters.failedResources).toBe(10);
    expect(body.response.clusterName).toBe("test-cluster");
    expect(body.response.customerGUID).toBe("acct-1");
    expect(scannedRequests.at(-1)!.excludeNamespaces).toEqual(["ns-2"]);
    const kept = await fetch(`${base}/v1/results?id=${body.id}`);
    expect((await kept.json()).response.reportGUID).toBe(body.id);
    // Read without keep: deleted afterwards → 204.
    expect((await fetch(`${base}/v1/results?id=${body.id}`)).status).toBe(204);
  });

  test("async mode: busy, status, results once done; 429 beyond the queue", async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const first = await (await post("/v1/scan", { targetType: "control", targetNames: ["C-0057"] })).json();
    expect(first.type).toBe("busy");
    expect(first.response).toBe(`scanning '${first.id}' is in progress`);
    const second = await (await post("/v1/scan", {})).json(); // queued (1 waiting allowed)
    expect(second.type).toBe("busy");
    const third = await post("/v1/scan", {});
    expect(third.status).toBe(429);
    expect((await third.json()).type).toBe("error");
    const status = await (await fetch(`${base}/v1/status?ID=${first.id}`)).json();
    expect(status).toEqual({ id: first.id, type: "busy", response: first.id });
    expect((await (await fetch(`${base}/v1/results?id=${first.id}`)).json()).type).toBe("busy");
    gate = undefined;
    open();
    for (let i = 0; i < 100 && (await (await fetch(`${base}/v1/status`)).json()).type !== "notBusy"; i++) await Bun.sleep(20);
    expect((await (await fetch(`${base}/v1/status?id=${first.id}`)).json()).type).toBe("notBusy");
    const results = await (await fetch(`${base}/v1/results?id=${first.id}&keep=true`)).json();
    expect(results.type).toBe("v1results");
    expect(Object.keys(results.response.summaryDetails.controls)).toEqual(["C-0057"]);
    const del = await (await fetch(`${base}/v1/results?id=${first.id}`, { method: "DELETE" })).json();
    expect(del.response).toBe("deleted");
    expect((await fetch(`${base}/v1/results?id=${first.id}`)).status).toBe(204);
  });

  test("bad bodies and unknown frameworks are 400 naming the problem", async () => {
    const notJson = await fetch(`${base}/v1/scan`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(notJson.status).toBe(400);
    const bad = await post("/v1/scan", { failThreshold: "high" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).response).toContain("failThreshold");
    const unknown = await post("/v1/scan?wait=true", { targetNames: ["nope"] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).response).toContain("unknown framework nope");
  });

  test("submit=true sends the report in chunks with paginationInfo and X-API-KEY; chunks reassemble to the full report", async () => {
    received.length = 0;
    const res = await (await post("/v1/scan?wait=true", { targetType: "framework", targetNames: ["nsa"], submit: true })).json();
    await eventReceiver.flush();
    expect(received.length).toBeGreaterThan(2);
    const full = res.response;
    received.sort((a, b) => a.body.paginationInfo.chunkNumber - b.body.paginationInfo.chunkNumber);
    received.forEach((r, i) => {
      expect(r.body.paginationInfo).toEqual({ chunkNumber: i, isLastChunk: i === received.length - 1 });
      expect(r.apiKey).toBe("secret-key");
      expect(r.query).toEqual({ customerGUID: "acct-1", contextName: "test-cluster", clusterName: "test-cluster", reportGUID: full.reportGUID });
      const header = JSON.stringify({ ...r.body, resources: [], results: [] }).length;
      expect(JSON.stringify(r.body).length - header).toBeLessThan(4000 + 2000); // items bounded by the chunk size (one oversized item allowed)
    });
    const resources = received.flatMap((r) => r.body.resources);
    const results = received.flatMap((r) => r.body.results);
    expect(resources).toEqual(full.resources);
    expect(results).toEqual(full.results);
    expect(received[0]!.body.summaryDetails).toEqual(full.summaryDetails);
  });

  test("/v1/metrics runs a scan and answers Prometheus text; health routes", async () => {
    const res = await fetch(`${base}/v1/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('kubescape_cluster_compliance_score{cluster="test-cluster"}');
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    const doc = await (await fetch(`${base}/swagger/json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/scan", "/v1/status", "/v1/results", "/v1/metrics"]));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  test("with KS_API_TOKEN, /v1 routes need the bearer token; health does not", async () => {
    const guarded = createKubescapeService({ logger: silentLogger, apiToken: "t0ken", scan: async (req) => runScan({ ...req, paths: [dir] }, { controls: [privilegedControl] }) });
    guarded.health.setReady();
    const srv = serve(guarded.app, guarded.health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false });
    try {
      expect((await fetch(`${srv.url}/v1/status`)).status).toBe(401);
      expect((await fetch(`${srv.url}/v1/status`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
      expect((await (await fetch(`${srv.url}/v1/status`, { headers: { authorization: "Bearer t0ken" } })).json()).type).toBe("notBusy");
      expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
    } finally {
      await srv.stop();
    }
  });

  test("chunking keeps every item exactly once", () => {
    const report = { reportGUID: "r", resources: Array.from({ length: 50 }, (_, i) => ({ resourceID: `r${i}` })), results: Array.from({ length: 50 }, (_, i) => ({ resourceID: `r${i}`, controls: [] })), paginationInfo: { chunkNumber: 0, isLastChunk: true } } as any;
    const chunks = postureReportChunks(report, 300);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flatMap((c) => c.resources).length).toBe(50);
    expect(chunks.flatMap((c) => c.results).length).toBe(50);
    expect(chunks.at(-1)!.paginationInfo.isLastChunk).toBe(true);
  });
});
