/**
 * Backend: posture-report ingest rate (10k-resource reports, chunked and POSTed as kubescape does)
 * and API latency with 100 clusters × 30 days of history. SQLite store (the default).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../src/common/log.ts";
import { startBackend } from "../src/backend/server.ts";
import type { PostureIngest } from "../src/backend/store/types.ts";
import { postureReportChunks } from "../tests/backend/payloads.ts";

const emit = (metric: string, value: number, unit: string, note?: string) => console.log(JSON.stringify({ bench: "backend", metric, value: Math.round(value * 100) / 100, unit, note }));
const KEY = "bench-key-0123456789abcdef";
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), "ks-backend-bench-"));
const b = await startBackend({ port: 0, hostname: "127.0.0.1", dataDir: dir, apiKeys: `bench:${KEY}`, logger: silentLogger });
const post = (path: string, body: unknown) =>
  fetch(b.url + path, { method: "POST", headers: { "content-type": "application/json", "X-API-KEY": KEY }, body: JSON.stringify(body) });

// 1. Ingest: reports of 10k resources in 10 chunks of 1000 (resources + results).
const REPORTS = Number(process.env.BACKEND_BENCH_REPORTS ?? 5);
const reports = Array.from({ length: REPORTS }, (_, i) => postureReportChunks({ reportGUID: `bench-${i}`, cluster: `ingest-${i % 2}`, resources: 10_000, chunks: 10, generationTime: new Date(Date.now() - (REPORTS - i) * 60_000).toISOString() }));
const bytes = JSON.stringify(reports[0]).length;
let t0 = performance.now();
for (const chunks of reports) {
  for (const c of chunks) {
    const r = await post(`/k8s/v2/postureReport?clusterName=${(c as { clusterName: string }).clusterName}`, c);
    if (!r.ok) throw new Error(`ingest failed: ${r.status} ${await r.text()}`);
  }
}
let elapsed = (performance.now() - t0) / 1000;
emit("posture ingest, 10k-resource reports", REPORTS / elapsed, "reports/s", `${REPORTS} reports, 10 chunks each, ${(bytes / 2 ** 20).toFixed(1)} MiB per report, over HTTP`);
emit("posture ingest, resources", (REPORTS * 10_000) / elapsed, "resources/s");

// 2. History: 100 clusters × 30 daily reports, written through the store.
const CLUSTERS = 100;
const frameworks = ["NSA", "MITRE", "AllControls"];
const controlIds = Array.from({ length: 40 }, (_, i) => `C-${String(i + 1).padStart(4, "0")}`);
t0 = performance.now();
for (let c = 0; c < CLUSTERS; c++) {
  for (let d = 29; d >= 0; d--) {
    const report: PostureIngest = {
      cluster: `cluster-${c}`,
      reportId: `hist-${c}-${d}`,
      generatedAt: Date.now() - d * DAY,
      serverVersion: "v1.34.2",
      cloudProvider: "",
      frameworks: frameworks.map((f, i) => ({ framework: f, score: 50 + ((c + d + i) % 40), compliance: 50, failedControls: 10, totalControls: 40, failedResources: 30, totalResources: 200 })),
      controls: controlIds.map((id, i) => ({ controlId: id, name: `control ${id}`, severity: "High", status: i % 3 === 0 ? "failed" : "passed", score: 70, failedResources: i % 3 === 0 ? 5 : 0, passedResources: 20, frameworks })),
      resources: controlIds.filter((_, i) => i % 3 === 0).flatMap((id) => Array.from({ length: 5 }, (_, r) => ({ controlId: id, resourceId: `apps/v1/ns/Deployment/app-${r}`, kind: "Deployment", namespace: "ns", name: `app-${r}`, status: "failed", failedPaths: ["spec.x"], fixes: [{ path: "spec.x", value: "true" }] }))),
    };
    await b.store.commitPosture("bench", report, 1);
  }
  for (let i = 0; i < 10; i++) {
    await b.store.commitImageScan("bench", {
      scanId: `scan-${c}-${i}`, cluster: `cluster-${c}`, namespace: `ns-${i % 3}`, workloadKind: "deployment", workloadName: `app-${i}`, container: "app", imageTag: `img-${i}:1`, imageHash: "", wlid: "", scannedAt: Date.now(),
      vulnerabilities: Array.from({ length: 30 }, (_, v) => ({ cve: `CVE-2026-${v}`, package: `pkg-${v}`, version: "1.0", severity: ["Critical", "High", "Medium", "Low"][v % 4]!, fixVersions: v % 2 ? ["1.1"] : [], link: "", description: "" })),
    }, 1);
  }
}
emit("seed 100 clusters × 30 days", (performance.now() - t0) / 1000, "s", "3000 posture reports + 1000 image scans (30k CVE rows) via the store");

async function latency(name: string, path: string, runs = 40) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = await fetch(b.url + path, { headers: { "X-API-KEY": KEY } });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    await r.arrayBuffer();
    times.push(performance.now() - s);
  }
  times.sort((x, y) => x - y);
  emit(`API p50 ${name}`, times[Math.floor(runs * 0.5)]!, "ms", "100 clusters × 30 days");
  emit(`API p95 ${name}`, times[Math.floor(runs * 0.95)]!, "ms");
}
await latency("GET /api/v1/clusters", "/api/v1/clusters");
await latency("GET /api/v1/posture", "/api/v1/posture");
await latency("GET /api/v1/posture/trend (30 days)", "/api/v1/posture/trend?cluster=cluster-42&framework=NSA&days=30");
await latency("GET /api/v1/controls", "/api/v1/controls?cluster=cluster-42&framework=NSA");
await latency("GET /api/v1/vulnerabilities?severity=critical", "/api/v1/vulnerabilities?severity=critical&limit=500");

await b.stop();
rmSync(dir, { recursive: true, force: true });
