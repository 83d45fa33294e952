/**
 * Compiled binary: start-to-ready time and idle RSS per component, and the whole stack's memory
 * during a posture + image scan of the sample cluster. Runs the platform as `just up` does (local
 * control plane, sample workloads and registry), then restarts each component and times it.
 */
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ComponentName, startLocalPlatform } from "../scripts/platform/localPlatform.ts";
import type { RunningComponent } from "../scripts/platform/podAsProcess.ts";
import { startSampleRegistry } from "../scripts/platform/sampleRegistry.ts";
import { applyExamples, exampleImages, simulateRunningPods } from "../scripts/platform/sampleWorkloads.ts";
import { KubeConfig } from "../src/common/kube.ts";
import { importOsv } from "../src/kubevuln/db/import.ts";
import { startControlPlane } from "../tests/cluster/controlPlane.ts";
import { backendApi, ensureBinary } from "../tests/e2e/support.ts";
import { waitFor } from "../tests/support/ports.ts";

const emit = (metric: string, value: number, unit: string, note?: string) => console.log(JSON.stringify({ bench: "startup", metric, value, unit, note }));

/** The ks process under the watchdog shell of a component. */
function ksPid(component: RunningComponent): number | undefined {
  const shell = component.process.child.pid;
  if (shell === undefined) return undefined;
  try {
    const children = readFileSync(`/proc/${shell}/task/${shell}/children`, "utf8").trim().split(/\s+/).map(Number);
    return children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dist/ks"));
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

const binary = await ensureBinary();
const work = mkdtempSync(join(tmpdir(), "ks-bench-startup-"));
const dbPath = join(work, "vulndb.sqlite");
await importOsv([resolve(import.meta.dir, "../../shared/vulndb/osv")], dbPath);
const cp = await startControlPlane();
const kc = new KubeConfig();
kc.loadFromFile(cp.kubeconfigPath);
const registry = await startSampleRegistry(exampleImages("r"));
await applyExamples(kc, registry.host);
await simulateRunningPods(kc, registry.digests);
const platform = await startLocalPlatform({
  kc,
  kubeconfigPath: cp.kubeconfigPath,
  helm: cp.helm,
  binary,
  root: work,
  clusterName: "bench",
  vulnDbPath: dbPath,
  // The chart's kollector waits WAIT_BEFORE_REPORT=15 s (the reference default) before its first report; measure the process, not that pause.
  values: { "kubevuln.env[0].name": "KS_INSECURE_REGISTRIES", "kubevuln.env[0].value": registry.host, "kollector.env[0].name": "WAIT_BEFORE_REPORT", "kollector.env[0].value": "0" },
});
try {
  const all: Array<[ComponentName | "backend", RunningComponent]> = [["backend", platform.backend], ...platform.components.entries()];
  // Start-to-ready: stop, start, poll readiness every 5 ms. Best of three.
  for (const [name, component] of all) {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      await component.stop();
      const t0 = performance.now();
      component.start();
      await waitFor(`${name} ready`, async () => (await fetch(platform.readinessUrl(name)).catch(() => undefined))?.status === 200, 60_000, 5);
      best = Math.min(best, performance.now() - t0);
    }
    emit(`${name}: start to ready`, best, "ms", "compiled dist/ks, best of 3, includes connecting to its dependencies");
  }
  await Bun.sleep(5000);
  for (const [name, component] of all) emit(`${name}: idle RSS`, rssMiB(ksPid(component)), "MiB", "5 s after ready");

  // Whole stack during a posture + image scan of the sample cluster.
  const api = backendApi(platform.backendUrl, platform.accessKey);
  await waitFor("cluster registered", async () => JSON.stringify((await api.get("/clusters")).body).includes("bench"), 60_000, 200);
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, all.reduce((sum, [, c]) => sum + rssMiB(ksPid(c)), 0));
      await Bun.sleep(50);
    }
  })();
  const t0 = performance.now();
  await api.post("/scans", { cluster: "bench", kind: "posture", target: { frameworks: ["AllControls"] } });
  await api.post("/scans", { cluster: "bench", kind: "image", target: {} });
  await waitFor("posture", async () => ((await api.get<unknown[]>("/posture?cluster=bench")).body as unknown[]).length > 0, 120_000, 100);
  await waitFor("vulnerabilities", async () => JSON.stringify((await api.get("/vulnerabilities?cluster=bench")).body).includes("CVE-"), 180_000, 100);
  const elapsed = performance.now() - t0;
  sampling = false;
  await sampler;
  emit("whole stack (6 processes): peak RSS during a scan", peak, "MiB", "backend + gateway + operator + kubescape + kubevuln + kollector; AllControls posture + image scan of the samples");
  emit("scan now → posture and CVEs visible in the backend", elapsed, "ms");
} finally {
  await platform.stop();
  await registry.stop();
  await cp.stop();
}
