import { beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { KubeConfig } from "../../src/common/kube.ts";
import { silentLogger } from "../../src/common/log.ts";
import { allControls } from "../../src/kubescape/controls/index.ts";
import type { ScanResult } from "../../src/kubescape/engine/results.ts";
import { CLUSTER_KINDS, listClusterObjects } from "../../src/kubescape/inputs/cluster.ts";
import { loadExceptionsConfigMap, runScan } from "../../src/kubescape/scan.ts";
import { createKubescapeService } from "../../src/kubescape/service/server.ts";
import { serve } from "../../src/common/http/service.ts";
import type { K8sObject } from "../../src/kubescape/types.ts";
import { sharedControlPlane } from "../cluster/shared.ts";

// The sample workloads are applied to the real apiserver and scanned twice: live, and as the
// same manifests on disk. Both scans must find the same failures for every control that runs
// in both (cluster-only controls are skipped on files, as kubescape does).
const FIXTURES = join(import.meta.dir, "fixtures/workloads");
const ns = `posture-${Date.now().toString(36)}`;
let kc: KubeConfig;
let helmBin = "helm";
let manifestsDir: string;
let kubeconfigPath = "";
let objects: K8sObject[] = [];

function fixtureObjects(): K8sObject[] {
  const out: K8sObject[] = [];
  for (const f of readdirSync(FIXTURES).sort()) {
    const text = readFileSync(join(FIXTURES, f), "utf8").replaceAll("posture-fixtures", ns);
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as K8sObject | null;
      if (o?.kind) out.push(o);
    }
  }
  return out;
}

async function apply(obj: K8sObject): Promise<void> {
  const k = CLUSTER_KINDS.find((c) => c.kind === obj.kind && c.apiVersion === obj.apiVersion);
  if (!k) throw new Error(`no list path for ${obj.apiVersion} ${obj.kind}`);
  const base = k.apiVersion.includes("/") ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  const path = k.namespaced ? `${base}/namespaces/${obj.metadata.namespace}/${k.plural}` : `${base}/${k.plural}`;
  const res = await kc.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(obj) });
  if (!res.ok && res.status !== 409) throw new Error(`creating ${obj.kind}/${obj.metadata.name}: ${res.status} ${await res.text()}`);
}

/** control ID → sorted "Kind/name" of failed resources in our namespace. */
function failures(result: ScanResult, ran: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of result.controls) {
    if (!ran.has(c.control.id)) continue;
    const names = c.failed
      .map((f) => result.resources[f.resource]!)
      .filter((o) => o.metadata.namespace === ns || (o.kind === "Namespace" && o.metadata.name === ns))
      .map((o) => `${o.kind}/${o.metadata.name}`)
      .sort();
    out.set(c.control.id, names);
  }
  return out;
}

const ranIds = (r: ScanResult) => new Set(r.controls.filter((c) => c.status !== "skipped").map((c) => c.control.id));

let fileScan: ScanResult;
let clusterScan: ScanResult;

beforeAll(async () => {
  const cp = await sharedControlPlane();
  helmBin = cp.helm;
  kubeconfigPath = cp.kubeconfigPath;
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  objects = fixtureObjects();
  manifestsDir = mkdtempSync(join(tmpdir(), "ks-posture-itest-"));
  writeFileSync(join(manifestsDir, "all.json"), JSON.stringify({ apiVersion: "v1", kind: "List", items: objects }));
  for (const o of [...objects].sort((a, b) => Number(b.kind === "Namespace") - Number(a.kind === "Namespace"))) await apply(o);
  fileScan = (await runScan({ targetType: "framework", targetNames: ["AllControls"], paths: [manifestsDir] })).result;
  clusterScan = (await runScan({ targetType: "framework", targetNames: ["AllControls"], paths: [], includeNamespaces: [ns] }, { kubeConfig: () => kc, logger: silentLogger })).result;
}, 180_000);

describe("posture scan of the real apiserver", () => {
  test("the paged cluster listing sees every applied object and nothing from other namespaces", async () => {
    const listed = await listClusterObjects(kc, { filter: { include: [ns] }, pageSize: 2 });
    const seen = new Set(listed.map((o) => `${o.kind}/${o.metadata.name}`));
    for (const o of objects) expect(seen.has(`${o.kind}/${o.metadata.name}`)).toBe(true);
    expect(listed.filter((o) => o.metadata.namespace && o.metadata.namespace !== ns).map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([]);
    const excluded = await listClusterObjects(kc, { filter: { exclude: [ns] } });
    expect(excluded.some((o) => o.metadata.namespace === ns)).toBe(false);
    expect(excluded.some((o) => o.kind === "ClusterRole")).toBe(true);
  });

  test("file scan and cluster scan find the same failures for every control run by both", () => {
    const both = new Set([...ranIds(fileScan)].filter((id) => ranIds(clusterScan).has(id)));
    expect(both.size).toBeGreaterThan(0);
    const fromFiles = failures(fileScan, both);
    const fromCluster = failures(clusterScan, both);
    const differing = [...both].filter((id) => JSON.stringify(fromFiles.get(id)) !== JSON.stringify(fromCluster.get(id))).map((id) => ({ id, files: fromFiles.get(id), cluster: fromCluster.get(id) }));
    expect(differing).toEqual([]);
    // And the scans found something: the careless workloads fail at least some controls.
    expect([...fromCluster.values()].some((v) => v.length > 0)).toBe(true);
  });

  const expectations: Array<[string, string[], string[]]> = [
    ["C-0057", ["DaemonSet/node-agent", "Deployment/careless-web"], ["Deployment/hardened-web"]],
    ["C-0013", ["Deployment/careless-web"], ["Deployment/hardened-web"]],
    ["C-0016", ["Deployment/careless-web", "Pod/debug-shell"], ["Deployment/hardened-web"]],
  ];
  for (const [id, failing, passing] of expectations) {
    test(`${id}: finds the known failures in the cluster`, () => {
      expect(allControls.some((c) => c.id === id && c.implementation === "implemented")).toBe(true);
      const c = clusterScan.controls.find((x) => x.control.id === id)!;
      const failed = new Set(c.failed.map((f) => clusterScan.resources[f.resource]!).filter((o) => o.metadata.namespace === ns).map((o) => `${o.kind}/${o.metadata.name}`));
      for (const f of failing) expect(failed.has(f)).toBe(true);
      for (const p of passing) expect(failed.has(p)).toBe(false);
    });
  }

  test("the kubescape service scans the cluster and answers the report", async () => {
    const service = createKubescapeService({
      logger: silentLogger,
      scan: (req) => runScan({ ...req, includeNamespaces: [ns] }, { kubeConfig: () => kc, logger: silentLogger }),
    });
    const running = serve(service.app, service.health, silentLogger, { port: 0, hostname: "127.0.0.1", handleSignals: false });
    try {
      const res = await fetch(`${running.url}/v1/scan?wait=true`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ targetType: "Framework", targetNames: ["NSA"] }) });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.type).toBe("v1results");
      expect(body.response.summaryDetails.frameworks[0].name).toBe("NSA");
      expect(body.response.metadata.scanMetadata.scanningTarget).toBe("Cluster");
      const failedIds: string[] = body.response.results.filter((r: { controls: Array<{ status: { status: string } }> }) => r.controls.some((c) => c.status.status === "failed")).map((r: { resourceID: string }) => r.resourceID);
      expect(failedIds).toContain(`apps/v1/${ns}/Deployment/careless-web`);
    } finally {
      await running.stop();
    }
  });

  test("exceptions from a ConfigMap except the matching findings, reported as excepted", async () => {
    const policies = [{ name: "careless-is-known", policyType: "postureExceptionPolicy", actions: ["alertOnly"], resources: [{ designatorType: "Attributes", attributes: { kind: "Deployment", name: "careless-.*" } }], posturePolicies: [{ controlID: "C-0057" }] }];
    await apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "posture-exceptions", namespace: ns }, data: { "exceptions.json": JSON.stringify(policies), note: "not json" } });
    const exceptions = await loadExceptionsConfigMap(kc, ns, "posture-exceptions");
    expect(exceptions.map((e) => e.name)).toEqual(["careless-is-known"]);
    expect(await loadExceptionsConfigMap(kc, ns, "missing")).toEqual([]);
    const r = (await runScan({ targetType: "control", targetNames: ["C-0057"], paths: [], includeNamespaces: [ns], exceptions }, { kubeConfig: () => kc })).result;
    const c = r.controls[0]!;
    expect(c.excepted.map((e) => r.resources[e.resource]!.metadata.name)).toEqual(["careless-web"]);
    expect(c.failed.map((f) => r.resources[f.resource]!.metadata.name)).toEqual(["node-agent"]);
  });

  test("ks scan (the CLI process) scans the cluster from KUBECONFIG", () => {
    const proc = Bun.spawnSync([process.execPath, join(import.meta.dir, "../../src/main.ts"), "scan", "framework", "nsa", "cluster", "--include-namespaces", ns, "--format", "json"], {
      env: { ...process.env, KUBECONFIG: kubeconfigPath, LOG_LEVEL: "silent" },
    });
    expect(proc.stderr.toString()).toBe("");
    expect(proc.exitCode).toBe(0);
    const report = JSON.parse(proc.stdout.toString());
    expect(report.metadata.scanMetadata.scanningTarget).toBe("Cluster");
    expect(report.results.some((r: { resourceID: string }) => r.resourceID === `apps/v1/${ns}/Deployment/careless-web`)).toBe(true);
    const withThreshold = Bun.spawnSync([process.execPath, join(import.meta.dir, "../../src/main.ts"), "scan", "framework", "nsa", "--include-namespaces", ns, "--compliance-threshold", "100"], {
      env: { ...process.env, KUBECONFIG: kubeconfigPath, LOG_LEVEL: "silent" },
    });
    expect(withThreshold.exitCode).toBe(1);
  });

  test("a Helm chart rendered with the real helm keeps template file sources", async () => {
    const chart = join(manifestsDir, "demo");
    mkdirSync(join(chart, "templates"), { recursive: true });
    writeFileSync(join(chart, "Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
    writeFileSync(join(chart, "values.yaml"), "privileged: true\n");
    writeFileSync(
      join(chart, "templates", "deploy.yaml"),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
  namespace: demo
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {privileged: {{ .Values.privileged }}}
`,
    );
    const { snapshotFromPaths } = await import("../../src/kubescape/inputs/snapshot.ts");
    const snap = await snapshotFromPaths([chart], { helmBinary: helmBin });
    expect(snap.problems).toEqual([]);
    const d = snap.index.get("Deployment", "demo", "demo-web")!;
    expect((d.spec as any).template.spec.containers[0].securityContext.privileged).toBe(true);
    expect(snap.index.source(d)).toEqual({ file: join(chart, "templates", "deploy.yaml"), line: 1 });
  });
});
