/**
 * The platform end to end: the chart installed into the real API server, every component
 * started from the compiled binary as its pod would run, the backend as the event receiver and
 * master gateway. Commands go dashboard API → master gateway → edge gateway → operator →
 * kubescape/kubevuln → event receiver → dashboard API.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalPlatform, type Platform } from "../../scripts/platform/localPlatform.ts";
import { KubeConfig, k8s } from "../../src/common/kube.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { waitFor } from "../support/ports.ts";
import { backendApi, ensureBinary, sharedVulnDb } from "./support.ts";

let platform: Platform;
let kc: KubeConfig;
let api: ReturnType<typeof backendApi>;

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  const [binary, vulnDbPath] = await Promise.all([ensureBinary(), sharedVulnDb()]);
  platform = await startLocalPlatform({
    kc,
    kubeconfigPath: cp.kubeconfigPath,
    helm: cp.helm,
    binary,
    root: mkdtempSync(join(tmpdir(), "ks-e2e-")),
    namespace: "ks-e2e",
    clusterName: "e2e",
    vulnDbPath,
  });
  api = backendApi(platform.backendUrl, platform.accessKey);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe("platform end to end", () => {
  test("every component is ready and the cluster registered with the backend", async () => {
    for (const name of ["backend", "gateway", "operator", "kubescape", "kubevuln", "kollector"] as const) {
      expect((await fetch(platform.readinessUrl(name))).status).toBe(200);
    }
    await waitFor("cluster in the backend", async () => {
      const res = await api.get<Array<{ name?: string; cluster?: string }>>("/clusters");
      return res.status === 200 && JSON.stringify(res.body).includes("e2e");
    }, 60_000, 500);
  }, 90_000);

  test("scan now (posture) travels the gateway chain and the results reach the dashboard API", async () => {
    const sent = await api.post<{ delivered: number }>("/scans", { cluster: "e2e", kind: "posture", target: { frameworks: ["nsa"] } });
    expect(sent.status).toBeLessThan(300);
    expect(sent.body.delivered).toBeGreaterThan(0);
    const posture = await waitFor("posture results", async () => {
      const res = await api.get<unknown>("/posture?cluster=e2e");
      return res.status === 200 && JSON.stringify(res.body).match(/nsa/i) ? res.body : undefined;
    }, 120_000, 1000);
    expect(JSON.stringify(posture)).toMatch(/nsa/i);
  }, 150_000);

  test("a schedule created through the API becomes a CronJob in the cluster", async () => {
    const created = await api.post<{ id: string; cronjobName: string; delivered: number }>("/schedules", { cluster: "e2e", kind: "posture", name: "nightly nsa", cron: "17 3 * * *", target: { frameworks: ["nsa"] } });
    expect(created.status).toBe(201);
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    const cron = await waitFor("CronJob from the schedule", async () => {
      const list = await batch.listNamespacedCronJob({ namespace: platform.namespace, labelSelector: "armo.tier=kubescape-scan" });
      return list.items.find((c) => c.spec?.schedule === "17 3 * * *");
    }, 60_000, 500);
    expect(cron.metadata?.name).toBeDefined();
  }, 90_000);
});
