/**
 * The operator against the real kube-apiserver: recurring scans (set → update → delete for the
 * three kinds), a created CronJob's own container args run through `ks http-request`, `scan`
 * over real Pods, `scanRegistry` over a real registry, the gateway path, and croner.
 *
 * kubescape and kubevuln are stood in for by a recording HTTP server (it also plays the event
 * receiver): the real services replace it in the end-to-end suite.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isApiStatus, k8s, KubeConfig } from "../../src/common/kube.ts";
import { silentLogger } from "../../src/common/log.ts";
import { parseApiKeys, startGatewayService, type GatewayService } from "../../src/gateway/service.ts";
import { type RunningOperator, startOperator } from "../../src/operator/service.ts";
import { builtinTemplate, parseTemplate } from "../../src/operator/recurring/template.ts";
import type { RecurringSchedulerMode } from "../../src/operator/context.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { render } from "../helm/chart.ts";
import { freePort, waitFor } from "../support/ports.ts";
import { startProcess } from "../support/processes.ts";
import { startRegistry, type TestRegistry } from "./registry.ts";

const ROOT = join(import.meta.dir, "../..");
const suffix = Date.now().toString(36);
const NS = `op-${suffix}`; // recurring scans, cronjob mode
const NS_PODS = `op-pods-${suffix}`;
const NS_OTHER = `op-other-${suffix}`;
const NS_CRONER = `op-croner-${suffix}`;
const NS_CRONJOB = `op-cronjob-${suffix}`;
const NS_PROCESS = `op-process-${suffix}`;

interface Recorded {
  path: string;
  body: any;
}

let kc: KubeConfig;
let core: k8s.CoreV1Api;
let batch: k8s.BatchV1Api;
const recorded: Recorded[] = [];
let recorder: ReturnType<typeof Bun.serve>;
let kubescapeAnswers = 200;
const operators: RunningOperator[] = [];
const gateways: GatewayService[] = [];
let registry: TestRegistry | undefined;
let op: RunningOperator;
const tmp = mkdtempSync(join(tmpdir(), "ks-operator-"));

const requests = (path: string) => recorded.filter((r) => r.path === path);
const sysreports = (jobID: string) => requests("/k8s/sysreport").map((r) => r.body).filter((b) => b.jobID === jobID);

async function finalReport(jobID: string): Promise<any> {
  return waitFor(`job ${jobID} finished`, () => sysreports(jobID).find((r) => r.status === "success" || r.status === "failure"), 20_000, 25);
}

function startOp(namespace: string, mode: RecurringSchedulerMode, extra: { gatewayWebsocketURL?: string } = {}) {
  const base = `http://127.0.0.1:${recorder.port}`;
  return startOperator({
    logger: silentLogger,
    kube: kc,
    namespace,
    clusterName: "c1",
    accountID: "acct-1",
    accessKey: "secret",
    kubescapeURL: base,
    kubevulnURL: base,
    eventReceiverURL: base,
    recurringScheduler: mode,
    port: 0,
    hostname: "127.0.0.1",
    statusPollMs: 50,
    retryDelayMs: 50,
    resyncMs: 5000,
    handleSignals: false,
    ...extra,
  }).then((o) => {
    operators.push(o);
    return o;
  });
}

async function trigger(target: RunningOperator, commands: unknown[]): Promise<Response> {
  return fetch(`${target.url}/v1/triggerAction`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ commands }) });
}

async function triggerAndWait(commands: Array<Record<string, unknown>>): Promise<any[]> {
  const res = await trigger(op, commands);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe("ok");
  return Promise.all(commands.map((c) => finalReport((c.jobTracking as { jobID: string }).jobID)));
}

async function recurringOf(namespace: string, tier: string) {
  return (await batch.listNamespacedCronJob({ namespace, labelSelector: `armo.tier=${tier}` })).items;
}

async function gone(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return false;
  } catch (err) {
    if (isApiStatus(err, 404)) return true;
    throw err;
  }
}

/** Runs the CronJob's own container args through `ks http-request`, pointed at the local operator. */
async function runCronJobContainer(cronJob: k8s.V1CronJob, target: RunningOperator): Promise<number> {
  const container = cronJob.spec!.jobTemplate.spec!.template.spec!.containers[0]!;
  const configMap = cronJob.spec!.jobTemplate.spec!.template.spec!.volumes!.find((v) => v.name === "request-body-volume")!.configMap!.name!;
  const body = (await core.readNamespacedConfigMap({ name: configMap, namespace: cronJob.metadata!.namespace! })).data!["request-body.json"]!;
  const bodyFile = join(tmp, `${configMap}.json`);
  writeFileSync(bodyFile, body);
  const args = container.args!.map((a) => (a.startsWith("-host=") ? `-host=127.0.0.1:${target.port}` : a.startsWith("-path-body=") ? `-path-body=${bodyFile}` : a));
  expect(args[0]).toBe("http-request");
  const proc = Bun.spawn([process.execPath, join(ROOT, "src/main.ts"), ...args], { stdout: "pipe", stderr: "pipe" });
  return proc.exited;
}

async function createRunningPod(namespace: string, name: string, images: Array<[string, string, string]>, phase = "Running") {
  const pod = await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels: { app: "web", "pod-template-hash": "5f6d" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5f6d", uid: "00000000-0000-0000-0000-000000000001", controller: true }] },
      spec: { containers: images.map(([n, image]) => ({ name: n, image })) },
    },
  });
  pod.status = {
    phase,
    containerStatuses: images.map(([n, image, digest]) => ({ name: n, image, imageID: `docker-pullable://${image.split(":")[0]}@${digest}`, ready: true, restartCount: 0, state: { running: {} } })),
  };
  await core.replaceNamespacedPodStatus({ name, namespace, body: pod });
}

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  core = kc.makeApiClient(k8s.CoreV1Api);
  batch = kc.makeApiClient(k8s.BatchV1Api);
  for (const name of [NS, NS_PODS, NS_OTHER, NS_CRONER, NS_CRONJOB, NS_PROCESS]) await core.createNamespace({ body: { metadata: { name } } });
  // The template ConfigMaps as the real chart renders them (NS_CRONER gets none: built-in fallback).
  for (const cm of render(["--set", "account=acct-1", "--set", "clusterName=c1", "--show-only", "templates/configs/cronjob-templates.yaml"])) {
    for (const namespace of [NS, NS_CRONJOB]) {
      await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: cm.metadata.name, labels: cm.metadata.labels }, data: cm.data } });
    }
  }
  let scanCount = 0;
  recorder = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const url = new URL(req.url);
      const text = await req.text();
      recorded.push({ path: url.pathname, body: text ? JSON.parse(text) : undefined });
      if (url.pathname === "/v1/scan") {
        if (kubescapeAnswers !== 200) return new Response("down", { status: kubescapeAnswers });
        return Response.json({ id: `scan-${++scanCount}`, type: "busy", response: "scanning" });
      }
      if (url.pathname === "/v1/status") return Response.json({ id: url.searchParams.get("ID"), type: "notBusy" });
      return new Response("ok");
    },
  });
  op = await startOp(NS, "cronjob");
}, 180_000);

afterAll(async () => {
  for (const o of operators) await o.stop();
  for (const g of gateways) await g.stop();
  await registry?.stop();
  recorder?.stop(true);
});

// Started first so its minute boundary passes while the other tests run; checked last.
let cronerStartedAt = 0;
describe("croner", () => {
  test("cronjob-mode CronJobs are taken over by a croner-mode operator on start (suspended, mirrored)", async () => {
    // An operator in cronjob mode creates an every-minute scan (built-in template: no template ConfigMaps here)...
    const first = await startOp(NS_CRONER, "cronjob");
    const res = await trigger(first, [{ commandName: "setKubescapeCronJob", jobTracking: { jobID: "croner-set" }, args: { jobParams: { cronTabSchedule: "* * * * *" }, scanV1: { targetType: "Framework", targetNames: ["croner-fw"] } } }]);
    expect(res.status).toBe(200);
    expect((await finalReport("croner-set")).status).toBe("success");
    const [created] = await recurringOf(NS_CRONER, "kubescape-scan");
    expect(created!.spec!.suspend).toBe(false);
    expect(created!.spec!.jobTemplate.spec!.template.spec!.containers[0]!.image).toStartWith("ghcr.io/kubescape-ts/ks:");
    await first.stop();
    // ...then the operator restarts in croner mode: the schedule is rebuilt from the cluster.
    const second = await startOp(NS_CRONER, "croner");
    cronerStartedAt = Date.now();
    expect(second.scheduler.list()).toEqual([expect.objectContaining({ name: created!.metadata!.name, schedule: "* * * * *", firing: true })]);
    const [after] = await recurringOf(NS_CRONER, "kubescape-scan");
    expect(after!.spec!.suspend).toBe(true);
    // Another namespace in cronjob mode with the same schedule: croner must not fire it.
    const other = await startOp(NS_CRONJOB, "cronjob");
    const r2 = await trigger(other, [{ commandName: "setKubescapeCronJob", jobTracking: { jobID: "cronjob-set" }, args: { jobParams: { cronTabSchedule: "* * * * *" }, scanV1: { targetType: "Framework", targetNames: ["cronjob-fw"] } } }]);
    expect(r2.status).toBe(200);
    expect((await finalReport("cronjob-set")).status).toBe("success");
    expect(other.scheduler.list()[0]).toMatchObject({ schedule: "* * * * *", firing: false });
    // Unset cronjob-mode CronJobs keep suspend false.
    expect((await recurringOf(NS_CRONJOB, "kubescape-scan"))[0]!.spec!.suspend).toBe(false);
  });
});

describe("triggerAction", () => {
  test("malformed → 400 JSON naming the field; bad cron → 400 naming it; GET → 405", async () => {
    const bad = await fetch(`${op.url}/v1/triggerAction`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain("body");
    const missing = await trigger(op, [{ args: {} }]);
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toContain("commands.0.commandName");
    const cron = await trigger(op, [{ commandName: "setVulnScanCronJob", args: { jobParams: { cronTabSchedule: "0 25 * * *" } } }]);
    expect(cron.status).toBe(400);
    expect((await cron.json()).message).toContain("cronTabSchedule");
    expect((await fetch(`${op.url}/v1/triggerAction`)).status).toBe(405);
  });

  test("kubescapeScan with Go-style keys → kubescape POST /v1/scan, status polled, success reported", async () => {
    const before = requests("/v1/scan").length;
    const res = await fetch(`${op.url}/v1/triggerAction`, {
      method: "POST",
      body: JSON.stringify({ Commands: [{ CommandName: "kubescapeScan", JobTracking: { JobID: "ks-1", ParentAction: "p-1" }, args: { scanV1: { targetType: "Framework", targetNames: ["nsa"] } } }] }),
    });
    expect(res.status).toBe(200);
    const report = await finalReport("ks-1");
    expect(report).toMatchObject({ status: "success", action: "kubescapeScan", parentAction: "p-1", customerGUID: "acct-1", reporter: "Websocket" });
    const scans = requests("/v1/scan").slice(before);
    expect(scans.map((s) => s.body)).toEqual([{ targetType: "Framework", targetNames: ["nsa"] }]);
    expect(requests("/v1/status").length).toBeGreaterThan(0);
  });

  test("unknown command and failing downstream: failure reported with the reason, operator keeps serving", async () => {
    const [unknown] = await triggerAndWait([{ commandName: "teleport", jobTracking: { jobID: "unk-1" } }]);
    expect(unknown).toMatchObject({ status: "failure", errors: ["Command teleport not found"] });
    kubescapeAnswers = 500;
    const [failed] = await triggerAndWait([{ commandName: "runKubescapeJob", jobTracking: { jobID: "down-1" } }]);
    kubescapeAnswers = 200;
    expect(failed.status).toBe("failure");
    expect(failed.errors[0]).toContain("500");
    expect((await fetch(`${op.url}/v1/readiness`)).status).toBe(200);
  });
});

describe("recurring scans (cronjob mode, chart templates)", () => {
  test("the built-in fallback template equals what the chart renders with default values", () => {
    const kinds = { "kubescape-cronjob-template": "kubescape", "kubevuln-cronjob-template": "vuln", "registry-scan-cronjob-template": "registry" } as const;
    const rendered = render(["--set", "account=acct-1", "--set", "clusterName=c1", "--show-only", "templates/configs/cronjob-templates.yaml"]);
    expect(rendered.map((o) => o.metadata.name).sort()).toEqual(Object.keys(kinds).sort());
    for (const cm of rendered) {
      const chart = parseTemplate(cm.data.cronjobTemplate, cm.metadata.name);
      expect(builtinTemplate(kinds[cm.metadata.name as keyof typeof kinds], { namespace: chart.metadata.namespace!, release: "ks" })).toEqual(chart);
    }
  });

  test("KubescapeCronJob: set → update → delete", async () => {
    const [set] = await triggerAndWait([
      { commandName: "setKubescapeCronJob", jobTracking: { jobID: "kset" }, args: { jobParams: { cronTabSchedule: "15 3 * * *" }, scanV1: { targetType: "Framework", targetNames: ["nsa", "mitre"], hostScanner: true } } },
    ]);
    expect(set.status).toBe("success");
    const cronJobs = await recurringOf(NS, "kubescape-scan");
    expect(cronJobs).toHaveLength(2);
    const nsa = cronJobs.find((c) => c.metadata!.name!.startsWith("ks-scheduled-scan-nsa-"))!;
    const name = nsa.metadata!.name!;
    expect(name).toMatch(/^ks-scheduled-scan-nsa-\d+$/);
    expect(name.length).toBeLessThanOrEqual(52);
    expect(nsa.spec!.schedule).toBe("15 3 * * *");
    expect(nsa.spec!.suspend).toBe(false);
    expect(nsa.metadata!.labels).toMatchObject({ app: name, "armo.tier": "kubescape-scan", "kubescape.io/tier": "core" });
    expect(nsa.spec!.jobTemplate.spec!.template.metadata!.annotations).toEqual({ "armo.jobid": "kset", "armo.framework": "nsa", "armo.host-scanner": "true" });
    const cm = await core.readNamespacedConfigMap({ name, namespace: NS });
    expect(cm.metadata!.labels).toEqual({ app: name, "armo.tier": "kubescape-scan" });
    expect(JSON.parse(cm.data!["request-body.json"]!)).toEqual({
      commands: [{ commandName: "kubescapeScan", jobTracking: { jobID: "kset" }, args: { scanV1: { targetType: "Framework", targetNames: ["nsa"], hostScanner: true } } }],
    });

    // The CronJob's own container, run locally: POSTs the body → the operator → kubescape.
    const before = requests("/v1/scan").length;
    expect(await runCronJobContainer(nsa, op)).toBe(0);
    await waitFor("scan from the CronJob", () => requests("/v1/scan").length > before, 10_000, 25);
    expect(requests("/v1/scan").at(-1)!.body).toEqual({ targetType: "Framework", targetNames: ["nsa"], hostScanner: true });

    const [upd] = await triggerAndWait([{ commandName: "updateKubescapeCronJob", jobTracking: { jobID: "kupd" }, args: { jobParams: { name, cronTabSchedule: "45 6 * * 1" } } }]);
    expect(upd.status).toBe("success");
    const updated = await batch.readNamespacedCronJob({ name, namespace: NS });
    expect(updated.spec!.schedule).toBe("45 6 * * 1");
    expect(updated.spec!.jobTemplate.spec!.template.metadata!.annotations).toMatchObject({ "armo.jobid": "kset", "armo.updatejobid": "kupd", "app.kubescape/update-job-id": "kupd" });

    const [del] = await triggerAndWait([{ commandName: "deleteKubescapeCronJob", jobTracking: { jobID: "kdel" }, args: { jobParams: { name } } }]);
    expect(del.status).toBe("success");
    expect(await gone(() => batch.readNamespacedCronJob({ name, namespace: NS }))).toBe(true);
    expect(await gone(() => core.readNamespacedConfigMap({ name, namespace: NS }))).toBe(true);
    expect((await recurringOf(NS, "kubescape-scan")).map((c) => c.metadata!.name)).toEqual([cronJobs.find((c) => c !== nsa)!.metadata!.name]);
    // The mirror follows.
    await waitFor("mirror updated", () => !op.scheduler.list().some((e) => e.name === name), 5000, 25);
  });

  test("VulnScanCronJob: set → update → delete; its CronJob's request scans the running pods' images once each", async () => {
    await createRunningPod(NS_PODS, "web-5f6d-a", [["nginx", "nginx:1.25", "sha256:aaa"], ["side", "busybox:1.36", "sha256:bbb"]]);
    await createRunningPod(NS_PODS, "web-5f6d-b", [["nginx", "nginx:1.25", "sha256:aaa"], ["side", "busybox:1.36", "sha256:bbb"]]);
    await createRunningPod(NS_PODS, "pending", [["x", "redis:7", "sha256:ccc"]], "Pending");
    await createRunningPod(NS_OTHER, "elsewhere", [["y", "postgres:16", "sha256:ddd"]]);

    const [missing] = await triggerAndWait([{ commandName: "setVulnScanCronJob", jobTracking: { jobID: "vnone" }, designators: [{ designatorType: "Attributes", attributes: { namespace: NS_PODS } }] }]);
    expect(missing).toMatchObject({ status: "failure" });
    expect(missing.errors[0]).toContain("cronTabSchedule");

    const [set] = await triggerAndWait([
      { commandName: "setVulnScanCronJob", jobTracking: { jobID: "vset" }, designators: [{ designatorType: "Attributes", attributes: { namespace: NS_PODS } }], args: { jobParams: { cronTabSchedule: "0 2 * * *" } } },
    ]);
    expect(set.status).toBe("success");
    const [cj] = await recurringOf(NS, "vuln-scan");
    const name = cj!.metadata!.name!;
    expect(name).toMatch(/^kubevuln-schedule-\d+$/);
    expect(cj!.spec!.schedule).toBe("0 2 * * *");
    expect(cj!.metadata!.labels).toMatchObject({ app: name, "armo.tier": "vuln-scan" });
    expect(cj!.spec!.jobTemplate.spec!.template.metadata!.annotations).toEqual({
      "armo.cloud/jobid": "vset",
      "app.kubescape/job-id": "vset",
      "armo.namespace": NS_PODS,
      "app.kubescape/namespace": NS_PODS,
    });
    const body = JSON.parse((await core.readNamespacedConfigMap({ name, namespace: NS })).data!["request-body.json"]!);
    expect(body).toEqual({ commands: [{ commandName: "scan", jobTracking: { jobID: "vset" }, designators: [{ designatorType: "Attributes", attributes: { namespace: NS_PODS } }] }] });

    const before = requests("/v1/scanImage").length;
    expect(await runCronJobContainer(cj!, op)).toBe(0);
    await waitFor("image scans", () => requests("/v1/scanImage").length >= before + 2, 10_000, 25);
    await Bun.sleep(300);
    const scans = requests("/v1/scanImage").slice(before).map((r) => r.body);
    expect(scans.map((s) => [s.imageTag, s.imageHash, s.wlid, s.containerName])).toEqual([
      ["nginx:1.25", "sha256:aaa", `wlid://cluster-c1/namespace-${NS_PODS}/deployment-web`, "nginx"],
      ["busybox:1.36", "sha256:bbb", `wlid://cluster-c1/namespace-${NS_PODS}/deployment-web`, "side"],
    ]);
    // Session chain: this job, then the new per-image job.
    expect(scans[0].parentJobID).toBe("vset");
    expect(scans[0].session.jobIDs).toEqual(["vset", scans[0].jobID]);

    // One workload by wlid: only its pods (here the same two images, again once each).
    const beforeOne = requests("/v1/scanImage").length;
    const [one] = await triggerAndWait([{ commandName: "scan", jobTracking: { jobID: "one-wl" }, wlid: `wlid://cluster-c1/namespace-${NS_PODS}/deployment-web` }]);
    expect(one).toMatchObject({ status: "success", details: "2 image scans requested" });
    const [none] = await triggerAndWait([{ commandName: "scan", jobTracking: { jobID: "no-wl" }, wlid: `wlid://cluster-c1/namespace-${NS_PODS}/deployment-absent` }]);
    expect(none).toMatchObject({ status: "success", details: "0 image scans requested" });
    expect(requests("/v1/scanImage").length).toBe(beforeOne + 2);

    const [upd] = await triggerAndWait([{ commandName: "updateVulnScanCronJob", jobTracking: { jobID: "vupd" }, args: { jobParams: { name, cronTabSchedule: "30 1 * * *" } } }]);
    expect(upd.status).toBe("success");
    expect((await batch.readNamespacedCronJob({ name, namespace: NS })).spec!.schedule).toBe("30 1 * * *");
    const [del] = await triggerAndWait([{ commandName: "deleteVulnScanCronJob", jobTracking: { jobID: "vdel" }, args: { jobParams: { name } } }]);
    expect(del.status).toBe("success");
    expect(await recurringOf(NS, "vuln-scan")).toEqual([]);
    expect(await gone(() => core.readNamespacedConfigMap({ name, namespace: NS }))).toBe(true);
  });

  test("RegistryScanCronJob: set → update → delete with a credentials Secret; its request scans a real registry", async () => {
    registry = await startRegistry();
    for (const [repo, tag] of [["team/api", "1.0"], ["team/api", "1.2"], ["team/api", "1.10"], ["team/web", "latest"], ["tools/debug", "1"]] as const) await registry.push(repo, tag);
    const info = { registryName: registry.host, isHTTPS: false, depth: 2, include: [], exclude: ["tools/debug"], authMethod: { type: "private", username: "robot", password: "s3cret" } };
    const [set] = await triggerAndWait([{ commandName: "setRegistryScanCronJob", jobTracking: { jobID: "rset" }, args: { jobParams: { cronTabSchedule: "0 4 * * *" }, "registryInfo-v1": info } }]);
    expect(set.status).toBe("success");
    const [cj] = await recurringOf(NS, "registry-scan");
    const name = cj!.metadata!.name!;
    expect(name).toMatch(/^kubescape-registry-scan-\d+$/);
    expect(cj!.spec!.jobTemplate.spec!.template.metadata!.annotations).toEqual({ "armo.cloud/registryname": registry.host });
    const cmBody = (await core.readNamespacedConfigMap({ name, namespace: NS })).data!["request-body.json"]!;
    expect(cmBody).not.toContain("s3cret");
    expect(JSON.parse(cmBody).commands[0].args["registryInfo-v1"]).toMatchObject({ registryName: registry.host, authMethod: { type: "private" }, secretName: name });
    const secret = await core.readNamespacedSecret({ name, namespace: NS });
    expect(JSON.parse(Buffer.from(secret.data!.registriesAuth!, "base64").toString())).toEqual([{ registry: registry.host, username: "robot", password: "s3cret", auth_method: "private" }]);

    const before = requests("/v1/scanRegistryImage").length;
    expect(await runCronJobContainer(cj!, op)).toBe(0);
    await waitFor("registry scans", () => requests("/v1/scanRegistryImage").length >= before + 3, 10_000, 25);
    await Bun.sleep(300);
    const scans = requests("/v1/scanRegistryImage").slice(before).map((r) => r.body);
    expect(scans.map((s) => s.imageTag).sort()).toEqual([`${registry.host}/team/api:1.10`, `${registry.host}/team/api:1.2`, `${registry.host}/team/web:latest`]);
    // Credentials come from the Secret, not the ConfigMap.
    expect(scans[0].credentialsList).toEqual([{ username: "robot", password: "s3cret", serveraddress: registry.host }]);
    expect(scans[0].args).toMatchObject({ registryName: registry.host, useHTTP: true, sensor: "c1" });

    const [upd] = await triggerAndWait([{ commandName: "updateRegistryScanCronJob", jobTracking: { jobID: "rupd" }, args: { jobParams: { name, cronTabSchedule: "0 5 * * *" } } }]);
    expect(upd.status).toBe("success");
    expect((await batch.readNamespacedCronJob({ name, namespace: NS })).spec!.schedule).toBe("0 5 * * *");
    const [del] = await triggerAndWait([{ commandName: "deleteRegistryScanCronJob", jobTracking: { jobID: "rdel" }, args: { jobParams: { name } } }]);
    expect(del.status).toBe("success");
    expect(await recurringOf(NS, "registry-scan")).toEqual([]);
    expect(await gone(() => core.readNamespacedConfigMap({ name, namespace: NS }))).toBe(true);
    expect(await gone(() => core.readNamespacedSecret({ name, namespace: NS }))).toBe(true);
  });
});

describe("gateway path", () => {
  test("a command posted to the master reaches an operator behind an edge gateway", async () => {
    const masterWs = await freePort();
    const master = startGatewayService({ logger: silentLogger, websocketPort: masterWs, httpPort: 0, hostname: "127.0.0.1", apiKeys: parseApiKeys("secret=acct-1"), handleSignals: false });
    const edge = startGatewayService({ logger: silentLogger, websocketPort: 0, httpPort: 0, hostname: "127.0.0.1", parentUrl: `ws://127.0.0.1:${masterWs}`, accessKey: "secret", handleSignals: false, upstreamBackoffBaseMs: 50 });
    gateways.push(edge, master);
    const behindEdge = await startOp(NS_OTHER, "cronjob", { gatewayWebsocketURL: `127.0.0.1:${edge.websocketPort}` });
    await waitFor("operator → edge → master", () => behindEdge.gateway?.connected && master.broker.stats().connections === 1, 10_000, 25);
    expect(edge.broker.clients()).toEqual([{ attributes: { customerGUID: "acct-1", clusterName: "c1", clusterComponent: "InClusterTriggerHandler" }, connections: 1 }]);
    const before = requests("/v1/scan").length;
    const res = await fetch(`http://127.0.0.1:${master.httpPort}/v1/sendnotification`, {
      method: "POST",
      headers: { "X-API-KEY": "secret" },
      body: JSON.stringify({
        target: { customerGUID: "acct-1", clusterName: "c1", dest: "trigger" },
        sendSynchronicity: true,
        notification: { commands: [{ commandName: "kubescapeScan", jobTracking: { jobID: "via-gw" }, args: { scanV1: { targetNames: ["via-gateway"], targetType: "Framework" } } }] },
      }),
    });
    expect(res.status).toBe(200);
    expect((await finalReport("via-gw")).status).toBe("success");
    expect(requests("/v1/scan").slice(before).map((r) => r.body.targetNames)).toEqual([["via-gateway"]]);
  });
});

describe("gateway path, no edge", () => {
  test("an operator connected straight to a keyed master sends its access key and receives commands", async () => {
    const master = startGatewayService({ logger: silentLogger, websocketPort: 0, httpPort: 0, hostname: "127.0.0.1", apiKeys: parseApiKeys("secret=acct-1"), handleSignals: false });
    gateways.push(master);
    const direct = await startOp(NS_OTHER, "cronjob", { gatewayWebsocketURL: `ws://127.0.0.1:${master.websocketPort}` });
    await waitFor("operator → master", () => direct.gateway?.connected, 10_000, 25);
    const res = await fetch(`http://127.0.0.1:${master.httpPort}/v1/sendnotification`, {
      method: "POST",
      headers: { "X-API-KEY": "secret" },
      body: JSON.stringify({ target: { clusterName: "c1", dest: "trigger" }, sendSynchronicity: true, notification: { commands: [{ commandName: "kubescapeScan", jobTracking: { jobID: "direct-gw" } }] } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-delivered-clients")).toBe("1");
    expect((await finalReport("direct-gw")).status).toBe("success");
  });
});

describe("ks operator process", () => {
  test("env and clusterData wiring: croner mode creates suspended CronJobs and lists its schedule; SIGTERM exits 0", async () => {
    const [port, readiness] = await Promise.all([freePort(), freePort()]);
    const base = `http://127.0.0.1:${recorder.port}`;
    const config = join(tmp, "clusterData.json");
    writeFileSync(config, JSON.stringify({ clusterName: "proc", accountID: "acct-p", kubescapeURL: base, kubevulnURL: base, eventReceiverRestURL: base, gatewayWebsocketURL: "" }));
    const cp = await sharedControlPlane();
    const proc = startProcess(process.execPath, [join(ROOT, "src/main.ts"), "operator"], join(tmp, "operator.log"), {
      ...process.env,
      CONFIG: config,
      KUBECONFIG: cp.kubeconfigPath,
      NAMESPACE: NS_PROCESS,
      RECURRING_SCHEDULER: "croner",
      PORT: String(port),
      READINESS_PORT: String(readiness),
      BIND_ADDRESS: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    try {
      await waitFor("operator ready", async () => (await fetch(`http://127.0.0.1:${readiness}/v1/readiness`).catch(() => undefined))?.ok, 20_000, 100);
      const res = await fetch(`http://127.0.0.1:${port}/v1/triggerAction`, {
        method: "POST",
        body: JSON.stringify({ commands: [{ commandName: "setKubescapeCronJob", jobTracking: { jobID: "proc-set" }, args: { jobParams: { cronTabSchedule: "0 6 * * *" }, scanV1: { targetNames: ["nsa"], targetType: "Framework" } } }] }),
      });
      expect(await res.text()).toBe("ok");
      expect((await finalReport("proc-set")).customerGUID).toBe("acct-p");
      const [cj] = await recurringOf(NS_PROCESS, "kubescape-scan");
      expect(cj!.spec!.suspend).toBe(true);
      const schedule = await waitFor("mirrored", async () => {
        const list = (await (await fetch(`http://127.0.0.1:${port}/v1/recurring`)).json()) as Array<{ name: string; firing: boolean; nextRun: string }>;
        return list.length === 1 ? list : undefined;
      }, 5000, 50);
      expect(schedule[0]).toMatchObject({ name: cj!.metadata!.name, firing: true });
      expect(new Date(schedule[0]!.nextRun).getUTCHours()).toBe(6); // UTC, like the CronJob controller without spec.timeZone
    } finally {
      const exited = new Promise<number | null>((r) => proc.child.once("exit", (code) => r(code)));
      proc.child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 60_000);
});

describe("croner (checked last)", () => {
  test("the rebuilt croner schedule fires once per minute; the cronjob-mode operator never fires", async () => {
    // Wait until a minute boundary has passed since the croner operator started, plus a margin
    // for a late timer on a busy machine; never count within that margin of a later boundary.
    const MARGIN = 10_000;
    const boundaryAfterStart = Math.ceil((cronerStartedAt + 1) / 60_000) * 60_000;
    await waitFor("a minute boundary", () => Date.now() > boundaryAfterStart + MARGIN, 80_000, 250);
    while (Date.now() % 60_000 < MARGIN) await Bun.sleep(250);
    const now = Date.now();
    const expected = Math.floor((now - MARGIN) / 60_000) - Math.floor(cronerStartedAt / 60_000);
    const fired = requests("/v1/scan").filter((r) => r.body.targetNames?.[0] === "croner-fw").length;
    expect(expected).toBeGreaterThanOrEqual(1);
    expect(fired).toBe(expected);
    expect(requests("/v1/scan").filter((r) => r.body.targetNames?.[0] === "cronjob-fw")).toEqual([]);
  }, 100_000);
});
