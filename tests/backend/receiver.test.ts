import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { containerScanChunks, postureReportChunks } from "./payloads.ts";
import { KEY_A, KEY_B, type TestBackend, testBackend } from "./harness.ts";

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("event receiver", () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await testBackend();
  });
  afterAll(async () => {
    await b.cleanup();
  });

  test("shuffled and duplicated posture chunks assemble into one report, visible only when complete", async () => {
    const chunks = postureReportChunks({ reportGUID: "rep-1", cluster: "prod", resources: 10, chunks: 5 });
    const order = shuffled([...chunks, chunks[1]!, chunks[3]!], 7);
    // Hold back the last-arriving copy of chunk 2 to prove nothing shows early.
    const withoutTwo = order.filter((c) => (c.paginationInfo as { chunkNumber: number }).chunkNumber !== 2);
    for (const c of withoutTwo) {
      const r = await b.post("/k8s/v2/postureReport?customerGUID=acct-a&clusterName=prod", c);
      expect(r.status).toBe(200);
    }
    expect(await b.store.latestScores("acct-a")).toEqual([]);
    const last = await b.post("/k8s/v2/postureReport?clusterName=prod", chunks[2]);
    expect(await last.json()).toMatchObject({ status: "complete", reportGUID: "rep-1" });
    const scores = await b.store.latestScores("acct-a");
    expect(scores.map((s) => [s.cluster, s.framework, s.score])).toEqual([
      ["prod", "MITRE", 90],
      ["prod", "NSA", 72.5],
    ]);
    const failing = await b.store.controlResources("acct-a", "prod", "C-0017");
    expect(failing).toHaveLength(5); // every even resource of 10
    expect(failing[0]?.fixes[0]).toEqual({ path: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", value: "true" });
    // A retry of any chunk after completion is accepted and changes nothing.
    const retry = await b.post("/k8s/v2/postureReport?clusterName=prod", chunks[0]);
    expect(await retry.json()).toMatchObject({ status: "already-complete" });
    expect((await b.store.scoreTrend("acct-a", "prod", "NSA", 0)).length).toBe(1);
  });

  test("chunks posted all at once, with duplicates, assemble exactly once", async () => {
    const chunks = postureReportChunks({ reportGUID: "rep-burst", cluster: "burst", resources: 40, chunks: 8 });
    const burst = shuffled([...chunks, ...chunks, ...chunks], 3);
    const answers = await Promise.all(burst.map((c) => b.post("/k8s/v2/postureReport?clusterName=burst", c).then((r) => r.json())));
    expect(answers.filter((a) => a.status === "complete")).toHaveLength(1);
    expect((await b.store.scoreTrend("acct-a", "burst", "NSA", 0)).length).toBe(1);
    expect(await b.store.controlResources("acct-a", "burst", "C-0017")).toHaveLength(20);
  });

  test("a report missing a chunk stays invisible", async () => {
    const chunks = postureReportChunks({ reportGUID: "rep-missing", cluster: "stage", chunks: 3 });
    await b.post("/k8s/v2/postureReport?clusterName=stage", chunks[0]);
    await b.post("/k8s/v2/postureReport?clusterName=stage", chunks[2]);
    expect((await b.store.latestScores("acct-a", "stage")).length).toBe(0);
    expect(await b.store.chunkState("acct-a", "posture", "rep-missing")).toEqual({ received: 2, lastChunk: 2 });
  });

  test("container scan chunks reassemble with vulnerabilities and fix info", async () => {
    const chunks = containerScanChunks({ scanId: "scan-1", cluster: "prod", chunks: 3 });
    for (const c of [chunks[2], chunks[0], chunks[0], chunks[1]]) {
      expect((await b.post("/k8s/v2/containerScan?customerGUID=acct-a", c)).status).toBe(200);
    }
    const scans = await b.store.imageScans("acct-a", {});
    expect(scans.map((s) => [s.imageTag, s.critical, s.high, s.low, s.fixable, s.workloadName, s.namespace])).toEqual([["nginx:1.25", 1, 1, 1, 2, "web", "default"]]);
    const fixable = await b.store.vulnerabilities("acct-a", { fixable: true });
    expect(fixable.map((v) => [v.cve, v.fixVersions])).toEqual([
      ["CVE-2023-1111", ["3.0.9"]],
      ["CVE-2023-3333", ["1.3"]],
    ]);
  });

  test("sysreport is idempotent and answers ok", async () => {
    const report = { customerGUID: "acct-a", reporter: "ca-vuln-scan", target: "wlid://cluster-prod/namespace-default/deployment-web", status: "started", action: "vuln scan", jobID: "job-x", parentAction: "job-root", actionID: "1", numSeq: 1, timestamp: "2026-11-27T06:00:00Z" };
    const r1 = await b.post("/k8s/sysreport", report);
    expect(r1.status).toBe(200);
    expect(await r1.text()).toBe("ok");
    await b.post("/k8s/sysreport", report);
    const events = await b.store.jobEvents("acct-a", 0, 100);
    expect(events.filter((e) => e.jobId === "job-x").map((e) => [e.parentId, e.cluster])).toEqual([["job-root", "prod"]]);
  });

  test("registryRepositories stores the repositories of a registry", async () => {
    const r = await b.post("/k8s/registryRepositories?customerGUID=acct-a&jobID=j9&registryName=reg.local", [{ repositoryName: "library/nginx" }, { repositoryName: "app/api" }]);
    expect(await r.json()).toEqual({ added: 2, total: 2 });
    expect(((await b.post("/k8s/registryRepositories?jobID=j9&registryName=reg.local", [{ repositoryName: 5 }])).status)).toBe(400);
    expect((await b.post("/k8s/registryRepositories?jobID=j9", [])).status).toBe(400);
  });

  test("cluster-reports websocket applies kollector inventory", async () => {
    const ws = new WebSocket(`${b.url.replace("http", "ws")}/k8s/cluster-reports?customerGUID=acct-a&clusterName=prod`, { headers: { "X-API-KEY": KEY_A } } as unknown as string[]);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const errors: string[] = [];
    ws.onmessage = (e) => errors.push(String(e.data));
    ws.send(JSON.stringify({ firstReport: true, clusterAPIServerVersion: { major: "1", minor: "34", gitVersion: "v1.34.2" }, cloudVendor: "kind", node: { create: [{ name: "node-1", status: {} }] }, pod: { create: [{ podName: "web-1", namespace: "default", nodeName: "node-1", podStatus: "Running" }, { podName: "web-2", namespace: "default" }] }, secret: { create: [{ metadata: { name: "s1", namespace: "default" }, data: { password: "c2VjcmV0" } }] } }));
    ws.send("not json");
    ws.send(JSON.stringify({ pod: { delete: [{ podName: "web-2", namespace: "default" }] } }));
    const { waitFor } = await import("../support/ports.ts");
    await waitFor("inventory", async () => (await b.store.inventory("acct-a", "prod", "pod")).length === 1 && errors.length === 1);
    expect((await b.store.inventory("acct-a", "prod")).map((i) => `${i.kind}:${i.key}`)).toEqual(["node:node-1", "pod:default/web-1", "secret:default/s1"]);
    expect(JSON.stringify(await b.store.inventory("acct-a", "prod", "secret"))).not.toContain("c2VjcmV0");
    expect(JSON.parse(errors[0]!)).toMatchObject({ error: "malformed" });
    expect((await b.store.clusters("acct-a")).find((c) => c.name === "prod")?.cloudProvider).toBe("kind");
    ws.close();
  });

  test("without or with a wrong X-API-KEY every endpoint answers 401", async () => {
    for (const path of ["/k8s/v2/postureReport", "/k8s/v2/containerScan", "/k8s/sysreport", "/k8s/registryRepositories?jobID=a&registryName=b"]) {
      const none = await b.post(path, {}, null);
      expect(none.status).toBe(401);
      expect((await none.json()).message).toContain("X-API-KEY");
      expect((await b.post(path, {}, "wrong-key-wrong-key")).status).toBe(401);
    }
    const ws = await fetch(`${b.url}/k8s/cluster-reports?customerGUID=acct-a&clusterName=prod`, { headers: { upgrade: "websocket", connection: "upgrade", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" } });
    expect(ws.status).toBe(401);
  });

  test("bad input gets 400 JSON naming the problem, oversize gets 413", async () => {
    const notJson = await b.post("/k8s/v2/postureReport?reportGUID=x", "{nope");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).message).toContain("not JSON");
    const badChunk = await b.post("/k8s/v2/postureReport", { reportGUID: "x", paginationInfo: { chunkNumber: -1, isLastChunk: true } });
    expect(badChunk.status).toBe(400);
    expect((await badChunk.json()).message).toContain("paginationInfo.chunkNumber");
    const noId = await b.post("/k8s/v2/postureReport", { paginationInfo: { chunkNumber: 0, isLastChunk: true } });
    expect((await noId.json()).message).toContain("reportGUID");
    const noScanId = await b.post("/k8s/v2/containerScan", { vulnerabilities: [] });
    expect((await noScanId.json()).message).toContain("containersScanID");
    const small = await testBackend({ bodyLimit: 1000 });
    try {
      const big = await small.post("/k8s/sysreport", { jobID: "x".repeat(5000) });
      expect(big.status).toBe(413);
    } finally {
      await small.cleanup();
    }
  });

  test("one account cannot write into another's account", async () => {
    const chunk = postureReportChunks({ reportGUID: "rep-b", cluster: "prod", chunks: 1, customerGUID: "acct-a" })[0];
    const asB = await b.post("/k8s/v2/postureReport?customerGUID=acct-a", chunk, KEY_B);
    expect(asB.status).toBe(403);
    const bodyClaim = await b.post("/k8s/v2/postureReport", chunk, KEY_B);
    expect(bodyClaim.status).toBe(403);
    // B's own report with the same GUID lands in B only.
    const own = postureReportChunks({ reportGUID: "rep-1", cluster: "prod", chunks: 1, nsaScore: 10 })[0];
    expect((await b.post("/k8s/v2/postureReport", own, KEY_B)).status).toBe(200);
    expect((await b.store.latestScores("acct-b")).find((s) => s.framework === "NSA")?.score).toBe(10);
    expect((await b.store.latestScores("acct-a", "prod")).find((s) => s.framework === "NSA")?.score).toBe(72.5);
  });
});

describe("event receiver across a restart", () => {
  test("chunks accepted before a stop are assembled after the restart", async () => {
    const first = await testBackend();
    const chunks = postureReportChunks({ reportGUID: "rep-restart", cluster: "prod", chunks: 3 });
    await first.post("/k8s/v2/postureReport?clusterName=prod", chunks[1]);
    await first.post("/k8s/v2/postureReport?clusterName=prod", chunks[0]);
    await first.stop();
    const second = await testBackend({}, first.dataDir);
    try {
      expect(await second.store.chunkState("acct-a", "posture", "rep-restart")).toEqual({ received: 2, lastChunk: null });
      await second.post("/k8s/v2/postureReport?clusterName=prod", chunks[2]);
      expect((await second.store.latestScores("acct-a")).length).toBe(2);
    } finally {
      await second.cleanup();
    }
  });

  test("a report whose last chunk was persisted but not assembled is assembled on start", async () => {
    const first = await testBackend();
    const chunks = postureReportChunks({ reportGUID: "rep-crash", cluster: "prod", chunks: 2 });
    const { wrapChunk } = await import("../../src/backend/receiver/assemblers.ts");
    // As if the process died between persisting the chunks and assembling them.
    for (const [i, c] of chunks.entries()) await first.store.putChunk("acct-a", "posture", "rep-crash", i, i === 1, wrapChunk("prod", JSON.stringify(c)));
    await first.stop();
    const second = await testBackend({}, first.dataDir);
    try {
      expect(await second.store.isReportComplete("acct-a", "posture", "rep-crash")).toBe(true);
      expect((await second.store.latestScores("acct-a")).map((s) => s.framework)).toEqual(["MITRE", "NSA"]);
    } finally {
      await second.cleanup();
    }
  });
});
