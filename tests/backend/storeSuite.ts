import { afterAll, beforeAll, expect, test } from "bun:test";
import type { ImageScanIngest, PostureIngest, Store } from "../../src/backend/store/types.ts";

/** Builds a posture report for the store (what the receiver's assembler produces). */
export function postureIngest(cluster: string, reportId: string, generatedAt: number, score = 70): PostureIngest {
  return {
    cluster,
    reportId,
    generatedAt,
    serverVersion: "v1.34.2",
    cloudProvider: "",
    frameworks: [
      { framework: "NSA", score, compliance: score + 1, failedControls: 3, totalControls: 20, failedResources: 5, totalResources: 40 },
      { framework: "MITRE", score: score - 10, compliance: score - 9, failedControls: 2, totalControls: 15, failedResources: 4, totalResources: 40 },
    ],
    controls: [
      { controlId: "C-0017", name: "Immutable container filesystem", severity: "Low", status: "failed", score: 50, failedResources: 1, passedResources: 1, frameworks: ["NSA"] },
      { controlId: "C-0057", name: "Privileged container", severity: "High", status: "passed", score: 100, failedResources: 0, passedResources: 2, frameworks: ["NSA", "MITRE"] },
    ],
    resources: [
      {
        controlId: "C-0017",
        resourceId: `apps/v1/default/Deployment/web-${reportId}`,
        kind: "Deployment",
        namespace: "default",
        name: "web",
        status: "failed",
        failedPaths: ["spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem"],
        fixes: [{ path: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem", value: "true" }],
      },
    ],
  };
}

export function imageScan(cluster: string, scanId: string, scannedAt: number, namespace = "default"): ImageScanIngest {
  return {
    scanId,
    cluster,
    namespace,
    workloadKind: "Deployment",
    workloadName: "web",
    container: "nginx",
    imageTag: "nginx:1.25",
    imageHash: "sha256:abc",
    wlid: `wlid://cluster-${cluster}/namespace-${namespace}/deployment-web`,
    scannedAt,
    vulnerabilities: [
      { cve: "CVE-2024-0001", package: "openssl", version: "3.0.1", severity: "Critical", fixVersions: ["3.0.2"], link: "", description: "" },
      { cve: "CVE-2024-0002", package: "zlib", version: "1.2", severity: "Medium", fixVersions: [], link: "", description: "" },
      { cve: "CVE-2024-0002", package: "zlib", version: "1.2", severity: "Medium", fixVersions: [], link: "", description: "" },
    ],
  };
}

/** The store contract, run against SQLite (unit) and a real PostgreSQL server (itest). */
export function defineStoreSuite(open: () => Promise<Store>, close: () => Promise<void> = async () => {}) {
  let store: Store;
  const DAY = 86_400_000;
  const now = Date.now();

  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await close();
  });

  test("migrations are applied once", async () => {
    expect(await store.migrate()).toBe(0);
  });

  test("api keys resolve to their account and only the hash is listed", async () => {
    await store.createApiKey("acct-a", "cluster-1", "secret-key-a");
    expect(await store.accountForApiKey("secret-key-a")).toBe("acct-a");
    expect(await store.accountForApiKey("nope")).toBeNull();
    const keys = await store.listApiKeys("acct-a");
    expect(keys.map((k) => k.label)).toEqual(["cluster-1"]);
    expect(JSON.stringify(keys)).not.toContain("secret-key-a");
    await store.createApiKey("acct-a", "tmp", "tmp-key");
    expect(await store.deleteApiKeys("acct-a", "tmp")).toBe(1);
    expect(await store.accountForApiKey("tmp-key")).toBeNull();
  });

  test("chunks are idempotent and their state tells completeness", async () => {
    expect(await store.putChunk("acct-a", "posture", "r1", 1, true, '{"n":1}')).toBe(true);
    expect(await store.putChunk("acct-a", "posture", "r1", 1, true, '{"n":1}')).toBe(false);
    expect(await store.chunkState("acct-a", "posture", "r1")).toEqual({ received: 1, lastChunk: 1 });
    expect(await store.pendingReports()).toEqual([]);
    await store.putChunk("acct-a", "posture", "r1", 0, false, '{"n":0}');
    expect(await store.chunkState("acct-a", "posture", "r1")).toEqual({ received: 2, lastChunk: 1 });
    expect(await store.loadChunks("acct-a", "posture", "r1")).toEqual(['{"n":0}', '{"n":1}']);
    expect(await store.pendingReports()).toEqual([{ account: "acct-a", kind: "posture", reportId: "r1" }]);
    // Another account's chunk with the same id is separate.
    expect(await store.chunkState("acct-b", "posture", "r1")).toEqual({ received: 0, lastChunk: null });
  });

  test("a committed posture report is stored once and drops its chunks", async () => {
    expect(await store.commitPosture("acct-a", postureIngest("c1", "r1", now - 2 * DAY, 60), 2)).toBe(true);
    expect(await store.commitPosture("acct-a", postureIngest("c1", "r1", now - 2 * DAY, 60), 2)).toBe(false);
    expect(await store.isReportComplete("acct-a", "posture", "r1")).toBe(true);
    expect(await store.loadChunks("acct-a", "posture", "r1")).toEqual([]);
    await store.commitPosture("acct-a", postureIngest("c1", "r2", now - DAY, 75), 1);
    const latest = await store.latestScores("acct-a");
    expect(latest.map((s) => [s.cluster, s.framework, s.score])).toEqual([
      ["c1", "MITRE", 65],
      ["c1", "NSA", 75],
    ]);
    const trend = await store.scoreTrend("acct-a", "c1", "NSA", now - 30 * DAY);
    expect(trend.map((t) => t.score)).toEqual([60, 75]);
    const controls = await store.controls("acct-a", "c1", "MITRE");
    expect(controls.map((c) => c.controlId)).toEqual(["C-0057"]);
    const resources = await store.controlResources("acct-a", "c1", "C-0017");
    expect(resources).toHaveLength(1);
    expect(resources[0]?.resourceId).toContain("r2");
    expect(resources[0]?.fixes[0]?.value).toBe("true");
    // An older report arriving late adds history but does not replace the drill-down.
    await store.commitPosture("acct-a", postureIngest("c1", "r0", now - 3 * DAY, 50), 1);
    expect((await store.controlResources("acct-a", "c1", "C-0017"))[0]?.resourceId).toContain("r2");
    expect((await store.scoreTrend("acct-a", "c1", "NSA", 0)).map((t) => t.score)).toEqual([50, 60, 75]);
    expect((await store.clusters("acct-a")).map((c) => [c.name, c.serverVersion])).toEqual([["c1", "v1.34.2"]]);
  });

  test("image scans replace the previous scan of the same container; filters work", async () => {
    expect(await store.commitImageScan("acct-a", imageScan("c1", "s1", now - DAY), 1)).toBe(true);
    expect(await store.commitImageScan("acct-a", imageScan("c1", "s2", now), 1)).toBe(true);
    await store.commitImageScan("acct-a", imageScan("c1", "s3", now, "other"), 1);
    const scans = await store.imageScans("acct-a", {});
    expect(scans.map((s) => s.scanId).sort()).toEqual(["s2", "s3"]);
    expect(scans[0]).toMatchObject({ critical: 1, medium: 1, fixable: 1 });
    expect((await store.vulnerabilities("acct-a", { severity: ["critical"] })).map((v) => v.scanId).sort()).toEqual(["s2", "s3"]);
    expect((await store.vulnerabilities("acct-a", { fixable: false, namespace: "other" })).map((v) => v.cve)).toEqual(["CVE-2024-0002"]);
    expect(await store.vulnerabilities("acct-b", {})).toEqual([]);
    expect(await store.imageScans("acct-a", { severity: ["high"] })).toEqual([]);
  });

  test("job events are deduplicated by event id", async () => {
    const e = { eventId: "e1", jobId: "j1", parentId: "", cluster: "c1", reporter: "ca-vuln-scan", action: "vuln scan", status: "started", target: "t", details: "", errors: [], reportedAt: "2026-01-01T00:00:00Z", receivedAt: now };
    expect(await store.addJobEvent("acct-a", e)).toBe(true);
    expect(await store.addJobEvent("acct-a", e)).toBe(false);
    await store.addJobEvent("acct-a", { ...e, eventId: "e2", jobId: "j2", parentId: "j1", errors: ["boom"] });
    const events = await store.jobEvents("acct-a", 0, 100);
    expect(events.map((x) => x.jobId).sort()).toEqual(["j1", "j2"]);
    expect(events.find((x) => x.jobId === "j2")?.errors).toEqual(["boom"]);
    expect(await store.jobEvents("acct-b", 0, 100)).toEqual([]);
  });

  test("inventory upserts and deletes; registry repositories dedupe", async () => {
    await store.applyInventory("acct-a", "c2", [
      { kind: "pod", key: "default/web-1", namespace: "default", name: "web-1", body: { podName: "web-1" } },
      { kind: "node", key: "n1", namespace: "", name: "n1", body: { name: "n1" } },
    ], now, { serverVersion: "v1.30.0" });
    await store.applyInventory("acct-a", "c2", [{ kind: "pod", key: "default/web-1", namespace: "default", name: "web-1" }], now);
    const items = await store.inventory("acct-a", "c2");
    expect(items.map((i) => i.key)).toEqual(["n1"]);
    expect((await store.clusters("acct-a")).find((c) => c.name === "c2")?.serverVersion).toBe("v1.30.0");
    // A full report replaces what was known.
    await store.applyInventory("acct-a", "c3", [{ kind: "node", key: "old", namespace: "", name: "old", body: {} }], now);
    await store.applyInventory("acct-a", "c3", [{ kind: "node", key: "new", namespace: "", name: "new", body: {} }], now, undefined, true);
    expect((await store.inventory("acct-a", "c3")).map((i) => i.key)).toEqual(["new"]);
    expect(await store.addRegistryRepositories("acct-a", "reg.io", "j1", ["a", "b", "a"], now)).toBe(2);
    expect(await store.addRegistryRepositories("acct-a", "reg.io", "j1", ["a"], now)).toBe(0);
    expect((await store.registryRepositories("acct-a")).map((r) => r.repository)).toEqual(["a", "b"]);
    expect(await store.accounts()).toContain("acct-a");
  });

  test("schedules CRUD is per account", async () => {
    const s = { id: "sch1", account: "acct-a", cluster: "c1", kind: "posture" as const, name: "nightly", cron: "0 1 * * *", target: { frameworks: ["nsa"] }, cronjobName: "ks-scheduled-scan-nsa-sch1", createdAt: now, updatedAt: now };
    await store.saveSchedule(s);
    await store.saveSchedule({ ...s, cron: "0 2 * * *", updatedAt: now + 1 });
    expect((await store.schedule("acct-a", "sch1"))?.cron).toBe("0 2 * * *");
    expect(await store.schedule("acct-b", "sch1")).toBeNull();
    expect(await store.deleteSchedule("acct-b", "sch1")).toBe(false);
    expect((await store.schedules("acct-a")).map((x) => x.target)).toEqual([{ frameworks: ["nsa"] }]);
    await store.saveSchedule({ ...s, id: "sch2", pendingJobId: "job-9" });
    expect(await store.adoptCronJobNames("acct-b", "job-9", "x")).toBe(false);
    expect(await store.adoptCronJobNames("acct-a", "job-9", "ks-scheduled-scan-nsa-123")).toBe(true);
    expect(await store.adoptCronJobNames("acct-a", "job-9", "again")).toBe(false);
    expect((await store.schedule("acct-a", "sch2"))?.cronjobName).toBe("ks-scheduled-scan-nsa-123");
    await store.deleteSchedule("acct-a", "sch2");
    expect(await store.deleteSchedule("acct-a", "sch1")).toBe(true);
    expect(await store.schedules("acct-a")).toEqual([]);
  });

  test("retention prunes old history and stale incomplete reports", async () => {
    await store.putChunk("acct-a", "container", "stale", 0, false, "{}");
    const result = await store.prune(now + 3_600_000, { historyDays: 2.5, pendingChunkHours: 0.5 });
    expect(result.scores).toBe(2); // r0 (3 days old) and its two frameworks
    expect(result.chunks).toBe(1);
    expect((await store.scoreTrend("acct-a", "c1", "NSA", 0)).map((t) => t.score)).toEqual([60, 75]);
    expect(await store.chunkState("acct-a", "container", "stale")).toEqual({ received: 0, lastChunk: null });
  });
}
