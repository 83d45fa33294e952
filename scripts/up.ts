/**
 * `just up` / `npm run up`: the platform in one command.
 *
 * Against the current kubeconfig context when one answers; otherwise against the project's own
 * real control plane (kube-apiserver built from the Go module proxy), with the sample workloads
 * of examples/ and a local registry holding real Debian images. Starts the backend and every
 * in-cluster component from the compiled binary as their pods would run, runs a first posture
 * and image scan, prints a summary and the dashboard URL, and stops everything on Ctrl-C.
 *
 * Flags: --local (ignore the kubeconfig), --once (print the summary, then stop: for smoke tests).
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { KubeConfig } from "../src/common/kube.ts";
import { importOsv } from "../src/kubevuln/db/import.ts";
import { defaultDbPath } from "../src/kubevuln/db/location.ts";
import { type ControlPlane, startControlPlane } from "../tests/cluster/controlPlane.ts";
import { controlPlaneBinaries } from "../tests/cluster/binaries.ts";
import { waitFor } from "../tests/support/ports.ts";
import { backendApi, ensureBinary } from "../tests/e2e/support.ts";
import { startLocalPlatform } from "./platform/localPlatform.ts";
import { type SampleRegistry, startSampleRegistry } from "./platform/sampleRegistry.ts";
import { applyExamples, exampleImages, simulateRunningPods } from "./platform/sampleWorkloads.ts";

const args = new Set(process.argv.slice(2));
const root = resolve(import.meta.dir, "..");
const say = (msg: string) => console.log(`\x1b[1m›\x1b[0m ${msg}`);

async function reachableKubeconfig(): Promise<string | undefined> {
  if (args.has("--local")) return undefined;
  const path = process.env.KUBECONFIG || join(homedir(), ".kube", "config");
  if (!existsSync(path)) return undefined;
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    const res = await kc.fetch("/version", { signal: AbortSignal.timeout(3000) });
    return res.ok ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The vulnerability database: $KS_VULNDB if it exists, else imported from the OSV folder named by KS_OSV_DIR (or ../shared/vulndb/osv). */
async function vulnDatabase(work: string): Promise<string> {
  const existing = defaultDbPath();
  if (existsSync(existing)) return existing;
  const source = process.env.KS_OSV_DIR ?? resolve(root, "../shared/vulndb/osv");
  if (!existsSync(source)) throw new Error(`no vulnerability database: set KS_VULNDB to a database file, or KS_OSV_DIR to a folder of OSV advisories to import`);
  const path = join(work, "vulndb.sqlite");
  const res = await importOsv([source], path);
  say(`vulnerability database: ${res.meta.advisories} advisories from ${source}`);
  return path;
}

const work = mkdtempSync(join(tmpdir(), "ks-up-"));
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say("stopping…");
    for (const c of cleanups.reverse()) await c().catch(() => {});
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const started = performance.now();
  say("compiling dist/ks");
  const binary = await ensureBinary();
  const vulnDbPath = await vulnDatabase(work);

  let kubeconfigPath = await reachableKubeconfig();
  let helm = process.env.KS_HELM ?? "";
  let local = false;
  let registry: SampleRegistry | undefined;
  if (kubeconfigPath) {
    say(`using the current kube context (${kubeconfigPath})`);
    if (!helm) helm = controlPlaneBinaries().helm;
  } else {
    local = true;
    say("no reachable cluster: starting the local control plane (kube-apiserver v1.34 on kine)");
    const clusterDir = join(root, ".cluster");
    mkdirSync(clusterDir, { recursive: true });
    const cp: ControlPlane = await startControlPlane({ dir: mkdtempSync(join(clusterDir, "up-")) });
    cleanups.push(() => cp.stop());
    kubeconfigPath = cp.kubeconfigPath;
    helm = cp.helm;
  }
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);

  if (local) {
    say("local registry with real Debian bookworm images (debootstrap; built once, then cached)");
    registry = await startSampleRegistry(exampleImages("r"));
    cleanups.push(() => registry!.stop());
    await applyExamples(kc, registry.host);
    // No kubelet in the local control plane: write the Pods and their Running status as it would.
    const pods = await simulateRunningPods(kc, registry.digests);
    say(`sample workloads from examples/ applied (${pods} pods marked running)`);
  }

  say("installing the chart and starting backend, gateway, operator, kubescape, kubevuln, kollector");
  const platform = await startLocalPlatform({
    kc,
    kubeconfigPath,
    helm,
    binary,
    root: work,
    clusterName: local ? "local" : (kc.getCurrentContext() || "cluster").replace(/\W+/g, "-"),
    vulnDbPath,
    values: registry ? { "kubevuln.env[0].name": "KS_INSECURE_REGISTRIES", "kubevuln.env[0].value": registry.host } : {},
  });
  cleanups.push(() => platform.stop());
  const api = backendApi(platform.backendUrl, platform.accessKey);
  await waitFor("cluster registered", async () => JSON.stringify((await api.get("/clusters")).body).includes(platform.clusterName), 60_000, 500);

  say("first posture scan (NSA, MITRE) and image scan, through dashboard API → gateways → operator");
  await api.post("/scans", { cluster: platform.clusterName, kind: "posture", target: { frameworks: ["nsa", "mitre"] } });
  await api.post("/scans", { cluster: platform.clusterName, kind: "image", target: {} });
  type Posture = Array<{ framework: string; compliance: number; score: number; failedControls: number; totalControls: number }>;
  const posture = await waitFor("posture results", async () => {
    const res = await api.get<Posture | { frameworks?: Posture }>(`/posture?cluster=${platform.clusterName}`);
    const list = Array.isArray(res.body) ? res.body : (res.body.frameworks ?? []);
    return list.length > 0 ? list : undefined;
  }, 180_000, 1000);
  type Vuln = { severity: string };
  const vulns = await waitFor("image scan results", async () => {
    const res = await api.get<Vuln[] | { items?: Vuln[] }>(`/vulnerabilities?cluster=${platform.clusterName}`);
    const list = Array.isArray(res.body) ? res.body : (res.body.items ?? []);
    return list.length > 0 ? list : undefined;
  }, 240_000, 2000).catch(() => [] as Vuln[]);

  console.log("");
  console.log("\x1b[1mPosture\x1b[0m");
  for (const p of posture) console.log(`  ${String(p.framework).padEnd(12)} compliance ${Number(p.compliance).toFixed(1).padStart(5)}%   failed controls ${p.failedControls}/${p.totalControls}`);
  const bySeverity = new Map<string, number>();
  for (const v of vulns) bySeverity.set(String(v.severity).toLowerCase(), (bySeverity.get(String(v.severity).toLowerCase()) ?? 0) + 1);
  console.log("\x1b[1mVulnerabilities\x1b[0m");
  console.log(`  ${vulns.length} findings: ${["critical", "high", "medium", "low", "negligible", "unknown"].map((s) => `${s} ${bySeverity.get(s) ?? 0}`).join(", ")}`);
  console.log("");
  console.log(`Dashboard:  ${platform.backendUrl}/   user ${platform.adminUser}   password ${platform.adminPassword}`);
  console.log(`Kubeconfig: ${kubeconfigPath}`);
  console.log(`Logs:       ${work}/*.log`);
  console.log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops everything.`);
  if (args.has("--once")) await shutdown(0);
  await new Promise(() => {});
} catch (err) {
  console.error(`ks up: ${(err as Error).message}`);
  await shutdown(1);
}
