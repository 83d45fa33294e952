/**
 * Kollector inventory throughput/memory and host-scanner latency on this machine.
 * Prints one JSON figure per line (see bench/run.ts).
 */
import { silentLogger } from "../src/common/log.ts";
import { serve } from "../src/common/http/service.ts";
import { createHostScannerApp } from "../src/hostscanner/server.ts";
import { Inventory } from "../src/kollector/inventory.ts";
import { buildMessages } from "../src/kollector/reportSocket.ts";
import type { KubeObject } from "../src/kollector/watcher.ts";

const emit = (metric: string, value: number, unit: string, note?: string, floor?: number) =>
  console.log(JSON.stringify({ bench: "kollector-hostscanner", metric, value: Math.round(value * 100) / 100, unit, ...(floor !== undefined ? { floor } : {}), ...(note ? { note } : {}) }));

const PODS = 10_000;
const pod = (i: number, phase: string): KubeObject => ({
  kind: "Pod",
  metadata: { name: `web-${i % 500}-${i}`, namespace: `ns-${i % 50}`, uid: `uid-${i}`, labels: { app: `web-${i % 500}` }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `web-${i % 500}`, controller: true }] },
  spec: { nodeName: `node-${i % 20}`, containers: [{ name: "c", image: `registry.local/web:${i % 500}` }] },
  status: { phase, podIP: `10.0.${(i >> 8) & 255}.${i & 255}`, startTime: "2026-01-01T00:00:00Z" },
});

Bun.gc(true);
const heapBefore = process.memoryUsage().heapUsed;
const inv = new Inventory();
for (let d = 0; d < 500; d++) {
  inv.apply("Deployment", "ADDED", { kind: "Deployment", metadata: { name: `web-${d}`, namespace: `ns-${d % 50}`, uid: `d-${d}` }, spec: { template: { spec: { containers: [{ name: "c", image: `registry.local/web:${d}` }] } } } });
  inv.apply("ReplicaSet", "ADDED", { kind: "ReplicaSet", metadata: { name: `web-${d}`, namespace: `ns-${d % 50}`, uid: `rs-${d}`, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: `web-${d}`, controller: true }] }, spec: {} });
}
let t0 = performance.now();
for (let i = 0; i < PODS; i++) inv.apply("Pod", "ADDED", pod(i, "Pending"));
for (let i = 0; i < PODS; i++) inv.apply("Pod", "MODIFIED", pod(i, "Running"));
const applyMs = performance.now() - t0;
emit("inventory watch events applied", (2 * PODS) / (applyMs / 1000), "ops/s", `${PODS} pods added then modified, owners resolved through ReplicaSets`);
inv.takeChanges();
Bun.gc(true);
emit("inventory heap for 10k pods + 1k workloads", (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024, "MiB");
t0 = performance.now();
const messages = buildMessages(inv.fullSections(), true, {}, 4 * 1024 * 1024);
emit("full report build (10k pods)", performance.now() - t0, "ms", `${messages.length} websocket messages of at most 4 MiB`);

const { app, health } = createHostScannerApp({ hostRoot: "/", logger: silentLogger, metadataUrl: "http://127.0.0.1:9/", metadataTimeoutMs: 200 });
const svc = serve(app, health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false });
for (const path of ["/openedports", "/linuxkernelvariables", "/osrelease"]) {
  const runs = 20;
  await fetch(svc.url + path);
  t0 = performance.now();
  for (let i = 0; i < runs; i++) await (await fetch(svc.url + path)).arrayBuffer();
  emit(`host-scanner GET ${path} on this machine`, (performance.now() - t0) / runs, "ms", "HOST_ROOT=/, mean of 20");
}
await svc.stop();
