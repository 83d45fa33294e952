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
import { localizeArgs, startLocalPlatform, type Platform } from "../../scripts/platform/localPlatform.ts";
import { KubeConfig, k8s } from "../../src/common/kube.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { waitFor } from "../support/ports.ts";
import { BINARY, backendApi, ensureBinary, sharedVulnDb } from "./support.ts";
import { applyExamples, exampleImages, simulateRunningPods } from "../../scripts/platform/sampleWorkloads.ts";
import { type SampleRegistry, startSampleRegistry } from "../../scripts/platform/sampleRegistry.ts";
import { launchChromium } from "../backend/browser.ts";
import { type BadRequest, generateBadRequests, sendBadRequests } from "./badInput.ts";

let platform: Platform;
let kc: KubeConfig;
let api: ReturnType<typeof backendApi>;
let registry: SampleRegistry;

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  const [binary, vulnDbPath] = await Promise.all([ensureBinary(), sharedVulnDb()]);
  // Sample workloads (good and bad) with real images in a real registry, "running" (no kubelet here).
  registry = await startSampleRegistry(exampleImages("r"));
  await applyExamples(kc, registry.host);
  await simulateRunningPods(kc, registry.digests);
  platform = await startLocalPlatform({
    kc,
    kubeconfigPath: cp.kubeconfigPath,
    helm: cp.helm,
    binary,
    root: mkdtempSync(join(tmpdir(), "ks-e2e-")),
    namespace: "ks-e2e",
    clusterName: "e2e",
    vulnDbPath,
    values: { "kubevuln.env[0].name": "KS_INSECURE_REGISTRIES", "kubevuln.env[0].value": registry.host },
  });
  api = backendApi(platform.backendUrl, platform.accessKey);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await registry?.stop();
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
    // The deliberately bad sample shows up in the drill-down with its failed path.
    const privileged = await api.get<unknown>("/controls/C-0057/resources?cluster=e2e");
    expect(privileged.status).toBe(200);
    expect(JSON.stringify(privileged.body)).toContain("checkout");
    expect(JSON.stringify(privileged.body)).toContain("securityContext.privileged");
    expect(JSON.stringify(privileged.body)).not.toContain("catalog");
  }, 150_000);

  test("scan now (images) pulls the running pods' images from the registry and the CVEs reach the dashboard API", async () => {
    const sent = await api.post<{ delivered: number }>("/scans", { cluster: "e2e", kind: "image", target: { namespace: "shop" } });
    expect(sent.status).toBeLessThan(300);
    const vulns = await waitFor("vulnerabilities of the shop image", async () => {
      const res = await api.get<unknown>("/vulnerabilities?cluster=e2e&namespace=shop");
      const text = JSON.stringify(res.body);
      return res.status === 200 && text.includes("CVE-2021-44906") ? text : undefined;
    }, 180_000, 2000);
    // minimist 1.2.5 (npm layer) and log4j-core (Java layer) are in the image; so are Debian's own packages.
    expect(vulns).toContain("minimist");
    // Findings belong to the Deployment (resolved from the ReplicaSet's pod-template-hash), not the ReplicaSet.
    expect(vulns).toContain(`"workloadName":"catalog"`);
    const images = await api.get<unknown>("/images?cluster=e2e");
    expect(JSON.stringify(images.body)).toContain("shop/catalog");
    expect(JSON.stringify(images.body)).not.toContain("legacy/checkout");
  }, 240_000);

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

/** Runs a CronJob's own container command here, with its request-body ConfigMap read back from the cluster. */
async function runCronJobLocally(schedule: string, tier = "kubescape-scan"): Promise<void> {
  const batch = kc.makeApiClient(k8s.BatchV1Api);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const cron = (await batch.listNamespacedCronJob({ namespace: platform.namespace, labelSelector: `armo.tier=${tier}` })).items.find((c) => c.spec?.schedule === schedule);
  expect(cron).toBeDefined();
  const podSpec = cron!.spec!.jobTemplate.spec!.template.spec!;
  const container = podSpec.containers[0]!;
  const bodyMount = container.volumeMounts!.find((m) => m.name === "request-body-volume")!;
  const cmName = podSpec.volumes!.find((v) => v.name === "request-body-volume")!.configMap!.name!;
  const cm = await core.readNamespacedConfigMap({ name: cmName, namespace: platform.namespace });
  const body = cm.data!["request-body.json"]!;
  expect(JSON.parse(body).commands.length).toBeGreaterThan(0);
  const dir = mkdtempSync(join(tmpdir(), "ks-cron-"));
  await Bun.write(join(dir, "request-body.json"), body);
  const args = localizeArgs(container.args ?? [], { ...platform.serviceAddresses, [bodyMount.mountPath]: join(dir, "request-body.json") });
  expect(args[0]).toBe("http-request");
  const proc = Bun.spawn([BINARY, ...args], { stdout: "pipe", stderr: "pipe" });
  expect(await proc.exited).toBe(0);
}

const postureReports = async () => (await api.get<Array<{ reportId: string }>>("/posture/trend?cluster=e2e&framework=NSA")).body;

describe("recurring scan fired by its CronJob", () => {
  test("the CronJob's own container command, run locally, makes the operator scan and the report arrive", async () => {
    const before = await postureReports();
    await runCronJobLocally("17 3 * * *");
    const after = await waitFor("the scheduled scan's posture report", async () => {
      const now = await postureReports();
      return now.length > before.length ? now : undefined;
    }, 90_000, 1000);
    expect(after.length).toBe(before.length + 1);
  }, 120_000);
});

describe("in the browser", () => {
  test("the dashboard creates a schedule; its CronJob fires; the results show in the dashboard", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(`${platform.backendUrl}/`);
      await page.fill("input[name=password]", platform.adminPassword);
      await page.click("button[type=submit]");
      await page.waitForSelector(".card h3");
      expect(await page.locator(".card h3").allTextContents()).toContain("e2e");

      await page.goto(`${platform.backendUrl}/#/schedules`);
      await page.waitForSelector("#schedule-form");
      await page.fill("#schedule-form input[name=name]", "browser nightly");
      await page.fill("#schedule-form input[name=cron]", "23 4 * * *");
      await page.fill("#schedule-form input[name=target]", "nsa");
      await page.click("#schedule-form button[type=submit]");
      await page.waitForSelector("text=created and sent to e2e");
      const batch = kc.makeApiClient(k8s.BatchV1Api);
      await waitFor("the CronJob created from the browser", async () => (await batch.listNamespacedCronJob({ namespace: platform.namespace, labelSelector: "armo.tier=kubescape-scan" })).items.some((c) => c.spec?.schedule === "23 4 * * *"), 60_000, 500);

      const before = await postureReports();
      await runCronJobLocally("23 4 * * *");
      await waitFor("the report of the browser's schedule", async () => (await postureReports()).length > before.length, 90_000, 1000);

      await page.goto(`${platform.backendUrl}/#/posture`);
      await page.waitForSelector("#framework-picker");
      await page.waitForSelector("text=Privileged container");
      await page.goto(`${platform.backendUrl}/#/images`);
      await page.waitForSelector("text=CVE-2021-44906", { timeout: 30_000 });
      if (process.env.KS_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.KS_SCREENSHOT_DIR}/e2e-images.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});

const OVERSIZED = 40 * 1024 * 1024;
const JSON_TYPE = { "content-type": "application/json" };

/**
 * Routes whose bodies are parsed by hand, so OpenAPI cannot describe them: their bad inputs are
 * written out. Each also gets one body over every component's limit.
 */
const HAND_MADE: Record<string, { path: string; cases: Array<[description: string, body: string | Uint8Array, headers?: Record<string, string>]> }> = {
  // JSON or BSON (old clients).
  gateway: {
    path: "/v1/sendnotification",
    cases: [
      ["truncated JSON", '{"target":'],
      ["no target", JSON.stringify({ notification: { a: 1 } })],
      ["empty target", JSON.stringify({ target: {}, notification: {} })],
      ["target of the wrong type", JSON.stringify({ target: "everyone", notification: {} })],
      ["target values of the wrong type (numbers are accepted as strings, objects are not)", JSON.stringify({ target: { clusterName: { nested: true } }, notification: {} })],
      ["array body", "[1,2]"],
      ["garbage BSON", new Uint8Array([5, 0, 0, 0, 7, 7, 7]), { "content-type": "application/bson" }],
    ],
  },
  // triggerAction keys are matched case-insensitively, as the Go original did.
  operator: {
    path: "/v1/triggerAction",
    cases: [
      ["truncated JSON", '{"commands":[{'],
      ["no commands", "{}"],
      ["commands not a list", JSON.stringify({ commands: "scan" })],
      ["command without a name", JSON.stringify({ commands: [{ args: {} }] })],
      ["command name of the wrong type", JSON.stringify({ commands: [{ commandName: 42 }] })],
      ["args of the wrong type", JSON.stringify({ commands: [{ commandName: "kubescapeScan", args: "all" }] })],
      ["schedule that is not cron", JSON.stringify({ commands: [{ commandName: "setKubescapeCronJob", args: { jobParams: { cronTabSchedule: "every day" } } }] })],
    ],
  },
  // PostScanRequest keys are matched case-insensitively too.
  kubescape: {
    path: "/v1/scan",
    cases: [
      ["truncated JSON", '{"targetType":'],
      ["array body", "[1]"],
      ["targetType of the wrong type", JSON.stringify({ targetType: 7 })],
      ["unknown targetType", JSON.stringify({ targetType: "galaxy", targetNames: ["nsa"] })],
      ["targetNames not a list", JSON.stringify({ targetType: "framework", targetNames: "nsa" })],
      ["unknown framework", JSON.stringify({ targetType: "framework", targetNames: ["no-such-framework"] })],
      ["excludedNamespaces of the wrong type", JSON.stringify({ excludedNamespaces: { a: 1 } })],
    ],
  },
};

function handMadeBadRequests(service: string, oversized: Uint8Array): BadRequest[] {
  const spec = HAND_MADE[service];
  if (!spec) return [];
  return [
    ...spec.cases.map(([description, body, headers]): BadRequest => ({ method: "POST", path: spec.path, kind: "malformed", description, headers: headers ?? JSON_TYPE, body })),
    { method: "POST", path: spec.path, kind: "oversized", description: `${oversized.length} bytes`, headers: JSON_TYPE, body: oversized },
  ];
}

describe("bad input across every public endpoint", () => {
  test("malformed, oversized, wrong-typed and incomplete requests get 4xx and no component goes down", async () => {
    const services: Array<{ name: string; url: string; headers: Record<string, string> }> = [
      { name: "backend", url: platform.backendUrl, headers: { "X-API-KEY": platform.accessKey } },
      { name: "gateway", url: `http://${platform.serviceAddresses["gateway:8002"]}`, headers: {} },
      { name: "operator", url: `http://${platform.serviceAddresses["operator:4002"]}`, headers: {} },
      { name: "kubescape", url: `http://${platform.serviceAddresses["kubescape:8080"]}`, headers: {} },
      { name: "kubevuln", url: `http://${platform.serviceAddresses["kubevuln:8080"]}`, headers: {} },
    ];
    const pids = new Map([...platform.components.entries()].map(([name, c]) => [name, c.process.child.pid]));
    let total = 0;
    const failures: string[] = [];
    const oversized = new Uint8Array(OVERSIZED).fill(0x20);
    for (const service of services) {
      const doc = await (await fetch(`${service.url}/swagger/json`)).json();
      const requests = [...generateBadRequests(doc, OVERSIZED), ...handMadeBadRequests(service.name, oversized)];
      expect([service.name, requests.length > 0]).toEqual([service.name, true]);
      const outcomes = await sendBadRequests(service.url, requests, service.headers);
      total += outcomes.length;
      for (const o of outcomes) {
        if (o.status < 400 || o.status >= 500) failures.push(`${service.name} ${o.request.method} ${o.request.path} ${o.request.kind} (${o.request.description}): ${o.status}`);
      }
    }
    // Websocket clients without attributes are refused at the upgrade.
    const noAttributes = await fetch(`http://${platform.serviceAddresses["gateway:8001"]}/v1/waitfornotification`, { headers: { upgrade: "websocket", connection: "Upgrade", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" } });
    expect(noAttributes.status).toBe(400);
    total++;
    console.log(`bad-input requests sent: ${total}`);
    expect(failures).toEqual([]);
    for (const name of ["backend", "gateway", "operator", "kubescape", "kubevuln", "kollector"] as const) {
      expect((await fetch(platform.readinessUrl(name))).status).toBe(200);
    }
    for (const [name, c] of platform.components) {
      expect([name, c.process.child.exitCode, c.process.child.pid]).toEqual([name, null, pids.get(name)]);
    }
  }, 300_000);
});
