import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "../support/ports.ts";
import { operatorClient } from "./gatewayClient.ts";
import { ADMIN, KEY_A, KEY_B, type TestBackend, testBackend } from "./harness.ts";
import { containerScanChunks, postureReportChunks } from "./payloads.ts";

describe("dashboard API", () => {
  let b: TestBackend;
  let cookie: string;
  const DAY = 86_400_000;
  const asAdmin = (path: string, init: RequestInit = {}) => fetch(b.url + path, { ...init, headers: { cookie, "content-type": "application/json", ...(init.headers ?? {}) } });

  beforeAll(async () => {
    b = await testBackend();
    for (let d = 3; d >= 1; d--) {
      for (const c of postureReportChunks({ reportGUID: `a-${d}`, cluster: "prod", chunks: 2, resources: 6, nsaScore: 80 - d * 5, generationTime: new Date(Date.now() - d * DAY).toISOString() })) {
        await b.post("/k8s/v2/postureReport?clusterName=prod", c);
      }
    }
    for (const c of containerScanChunks({ scanId: "s-a", cluster: "prod", namespace: "shop" })) await b.post("/k8s/v2/containerScan", c);
    for (const c of containerScanChunks({ scanId: "s-a2", cluster: "prod", namespace: "other", workload: "api", image: "redis:7" })) await b.post("/k8s/v2/containerScan", c);
    for (const c of postureReportChunks({ reportGUID: "b-1", cluster: "b-cluster", chunks: 1, nsaScore: 11 })) await b.post("/k8s/v2/postureReport?clusterName=b-cluster", c, KEY_B);
    await b.post("/k8s/sysreport", { reporter: "Websocket", action: "kubescapeScan", status: "started", jobID: "root", target: "wlid://cluster-prod/", timestamp: "t1" });
    await b.post("/k8s/sysreport", { reporter: "ca-vuln-scan", action: "vuln scan", status: "done", jobID: "child", parentAction: "root", target: "wlid://cluster-prod/namespace-shop/deployment-web", timestamp: "t2" });
    cookie = await b.login();
  });
  afterAll(async () => {
    await b.cleanup();
  });

  test("login sets a secure session cookie; wrong password is 401", async () => {
    const bad = await fetch(`${b.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "admin", password: "nope" }) });
    expect(bad.status).toBe(401);
    const good = await fetch(`${b.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-proto": "https" }, body: JSON.stringify(ADMIN) });
    const set = good.headers.get("set-cookie") ?? "";
    expect(set).toContain("HttpOnly");
    expect(set).toContain("SameSite=Strict");
    expect(set).toContain("Secure");
    expect(cookie).toStartWith("ks_session=");
    const session = await asAdmin("/api/v1/session");
    expect(await session.json()).toEqual({ user: "admin", accounts: ["acct-a", "acct-b"] });
    expect((await fetch(`${b.url}/api/v1/session`, { headers: { cookie: "ks_session=forged.token" } })).status).toBe(401);
  });

  test("without an admin password the login refuses with a clear error", async () => {
    const noAdmin = await testBackend({ admin: null });
    try {
      const r = await fetch(`${noAdmin.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "admin", password: "admin" }) });
      expect(r.status).toBe(503);
      expect((await r.json()).message).toContain("ADMIN_PASSWORD");
    } finally {
      await noAdmin.cleanup();
    }
  });

  test("API calls without a session or key are 401", async () => {
    for (const path of ["/api/v1/clusters", "/api/v1/posture", "/api/v1/images", "/api/v1/jobs", "/api/v1/schedules", "/api/v1/apikeys?account=acct-a"]) {
      expect((await fetch(b.url + path)).status).toBe(401);
    }
    expect((await b.get("/api/v1/apikeys?account=acct-a", KEY_A)).status).toBe(401); // admin only
  });

  test("clusters, posture, trend, controls and drill-down", async () => {
    const clusters = await (await asAdmin("/api/v1/clusters?account=acct-a")).json();
    expect(clusters.map((c: { name: string }) => c.name)).toEqual(["prod"]);
    expect(clusters[0]).toMatchObject({ serverVersion: "v1.34.2", images: 2, critical: 2, connected: false });
    const posture = await (await b.get("/api/v1/posture?cluster=prod")).json();
    expect(posture.find((p: { framework: string }) => p.framework === "NSA").score).toBe(75);
    const trend = await (await b.get("/api/v1/posture/trend?cluster=prod&framework=NSA&days=30")).json();
    expect(trend.map((t: { score: number }) => t.score)).toEqual([65, 70, 75]);
    const controls = await (await b.get("/api/v1/controls?cluster=prod&framework=NSA")).json();
    expect(controls[0]).toMatchObject({ controlId: "C-0017", status: "failed", failedResources: 3, severity: "Low" });
    const resources = await (await b.get("/api/v1/controls/C-0017/resources?cluster=prod")).json();
    expect(resources).toHaveLength(3);
    expect(resources[0].failedPaths[0]).toContain("readOnlyRootFilesystem");
    expect(resources[0].fixes[0].value).toBe("true");
  });

  test("images and vulnerabilities filter by severity, fix and namespace", async () => {
    const images = await (await b.get("/api/v1/images?namespace=shop")).json();
    expect(images.map((i: { imageTag: string }) => i.imageTag)).toEqual(["nginx:1.25"]);
    const crit = await (await b.get("/api/v1/vulnerabilities?severity=critical")).json();
    expect(crit.map((v: { cve: string; namespace: string }) => `${v.cve}@${v.namespace}`).sort()).toEqual(["CVE-2023-1111@other", "CVE-2023-1111@shop"]);
    const unfixed = await (await b.get("/api/v1/vulnerabilities?fixable=false&namespace=other")).json();
    expect(unfixed.map((v: { cve: string }) => v.cve)).toEqual(["CVE-2023-2222"]);
    const bad = await b.get("/api/v1/vulnerabilities?severity=catastrophic");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain("severity");
  });

  test("jobs come back as a tree", async () => {
    const tree = await (await b.get("/api/v1/jobs")).json();
    const root = tree.find((j: { jobId: string }) => j.jobId === "root");
    expect(root.children.map((c: { jobId: string; status: string }) => [c.jobId, c.status])).toEqual([["child", "done"]]);
    expect(root.cluster).toBe("prod");
  });

  test("inventory and registries are served per account", async () => {
    await b.post("/k8s/registryRepositories?jobID=j1&registryName=reg.local", [{ repositoryName: "library/nginx" }]);
    expect((await (await b.get("/api/v1/registries")).json()).map((r: { repository: string }) => r.repository)).toEqual(["library/nginx"]);
    expect(await (await b.get("/api/v1/registries", KEY_B)).json()).toEqual([]);
    await b.store.applyInventory("acct-a", "prod", [{ kind: "node", key: "n1", namespace: "", name: "n1", body: { name: "n1" } }], Date.now());
    expect((await (await b.get("/api/v1/inventory?cluster=prod")).json()).map((i: { name: string }) => i.name)).toEqual(["n1"]);
    expect(await (await b.get("/api/v1/inventory?cluster=prod", KEY_B)).json()).toEqual([]);
  });

  test("one account never sees another's data", async () => {
    expect((await (await b.get("/api/v1/clusters", KEY_B)).json()).map((c: { name: string }) => c.name)).toEqual(["b-cluster"]);
    expect(await (await b.get("/api/v1/images", KEY_B)).json()).toEqual([]);
    expect(await (await b.get("/api/v1/controls?cluster=prod", KEY_B)).json()).toEqual([]);
    expect((await b.get("/api/v1/clusters?account=acct-a", KEY_B)).status).toBe(403);
    const adminB = await (await asAdmin("/api/v1/posture?account=acct-b")).json();
    expect(adminB.map((p: { cluster: string }) => p.cluster)).toEqual(["b-cluster", "b-cluster"]);
  });

  test("schedules are sent as commands through the master gateway to the cluster's operator", async () => {
    const operator = await operatorClient(b.url, KEY_A, { customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler" });
    const otherCluster = await operatorClient(b.url, KEY_A, { customerGUID: "acct-a", clusterName: "stage", clusterComponent: "InClusterTriggerHandler" });
    try {
      const created = await asAdmin("/api/v1/schedules?account=acct-a", { method: "POST", body: JSON.stringify({ cluster: "prod", kind: "posture", name: "nightly", cron: "0 3 * * *", target: { frameworks: ["nsa"] } }) });
      expect(created.status).toBe(201);
      const schedule = await created.json();
      expect(schedule.delivered).toBe(1);
      const msg = (await operator.next(1)) as (typeof operator.received)[number];
      expect(msg.target).toEqual({ customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler", dest: "trigger" });
      const cmd = msg.notification.commands[0]!;
      expect(cmd.commandName).toBe("setKubescapeCronJob");
      expect(cmd.args.jobParams).toEqual({ name: schedule.cronjobName, cronTabSchedule: "0 3 * * *" });
      expect(cmd.args.kubescapeJobParams.cronTabSchedule).toBe("0 3 * * *");
      expect(cmd.args.scanV1).toEqual({ targetType: "Framework", targetNames: ["nsa"] });
      expect(cmd.jobTracking.jobID).toBeString();

      // The operator reports the CronJob names it chose as the set job's details.
      const names = "ks-scheduled-scan-nsa-8812,ks-scheduled-scan-nsa-8813";
      await b.post("/k8s/sysreport", { reporter: "Websocket", action: "setKubescapeCronJob", status: "success", jobID: cmd.jobTracking.jobID, details: names, timestamp: "t" });
      expect((await (await b.get("/api/v1/schedules")).json())[0].cronjobName).toBe(names);

      const changed = await asAdmin(`/api/v1/schedules/${schedule.id}?account=acct-a`, { method: "PUT", body: JSON.stringify({ cron: "30 4 * * 1" }) });
      expect(changed.status).toBe(200);
      const updates = ((await operator.next(2)) as (typeof operator.received)[number]).notification.commands;
      expect(updates.map((u) => [u.commandName, u.args.jobParams.cronTabSchedule, u.args.jobParams.name])).toEqual([
        ["updateKubescapeCronJob", "30 4 * * 1", "ks-scheduled-scan-nsa-8812"],
        ["updateKubescapeCronJob", "30 4 * * 1", "ks-scheduled-scan-nsa-8813"],
      ]);

      const image = await (await b.post("/api/v1/schedules", { cluster: "prod", kind: "image", name: "images", cron: "0 0 * * *", target: { namespace: "shop" } })).json();
      const vuln = ((await operator.next(3)) as (typeof operator.received)[number]).notification.commands[0]!;
      expect(vuln.commandName).toBe("setVulnScanCronJob");
      expect(vuln.designators[0].attributes).toEqual({ cluster: "prod", namespace: "shop" });
      expect((await b.get("/api/v1/schedules")).status).toBe(200);
      expect((await (await b.get("/api/v1/schedules")).json()).map((s: { name: string }) => s.name)).toEqual(["nightly", "images"]);
      expect(await (await b.get("/api/v1/schedules", KEY_B)).json()).toEqual([]);
      expect((await fetch(`${b.url}/api/v1/schedules/${image.id}`, { method: "DELETE", headers: { "X-API-KEY": KEY_B } })).status).toBe(404);

      const del = await fetch(`${b.url}/api/v1/schedules/${image.id}`, { method: "DELETE", headers: { "X-API-KEY": KEY_A } });
      expect(await del.json()).toEqual({ deleted: true, delivered: 1 });
      const d = ((await operator.next(4)) as (typeof operator.received)[number]).notification.commands[0]!;
      expect([d.commandName, d.args.jobParams.name]).toEqual(["deleteVulnScanCronJob", image.cronjobName]);
      expect(otherCluster.received).toEqual([]);

      const badCron = await b.post("/api/v1/schedules", { cluster: "prod", kind: "posture", name: "x", cron: "every day" });
      expect(badCron.status).toBe(400);
      expect((await badCron.json()).message).toContain("cron");
      const noRegistry = await b.post("/api/v1/schedules", { cluster: "prod", kind: "registry", name: "x", cron: "0 1 * * *" });
      expect((await noRegistry.json()).message).toContain("registryName");
    } finally {
      operator.close();
      otherCluster.close();
    }
  });

  test("scan now reaches the operator; 409 when the cluster is not connected", async () => {
    const offline = await b.post("/api/v1/scans", { cluster: "nowhere", kind: "posture" });
    expect(offline.status).toBe(409);
    const operator = await operatorClient(b.url, KEY_A, { customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler" });
    try {
      const r = await b.post("/api/v1/scans", { cluster: "prod", kind: "image", target: { namespace: "shop" } });
      expect(r.status).toBe(202);
      const { jobId } = await r.json();
      const cmd = ((await operator.next(1)) as (typeof operator.received)[number]).notification.commands[0]!;
      expect([cmd.commandName, cmd.jobTracking.jobID, cmd.wildWlid]).toEqual(["scan", jobId, "wlid://cluster-prod/namespace-shop/"]);
      const tree = await (await b.get("/api/v1/jobs")).json();
      expect(tree.find((j: { jobId: string }) => j.jobId === jobId)).toMatchObject({ action: "scan", status: "sent", reporter: "backend" });
      const clusters = await (await b.get("/api/v1/clusters")).json();
      expect(clusters[0].connected).toBe(true);
    } finally {
      operator.close();
    }
  });

  test("the master gateway refuses edges without a valid key and confines them to their account", async () => {
    await expect(operatorClient(b.url, "bad-key-bad-key-bad", { customerGUID: "acct-a", clusterName: "prod" })).rejects.toThrow();
    await expect(operatorClient(b.url, KEY_B, { customerGUID: "acct-a", clusterName: "prod" })).rejects.toThrow();
    const send = await fetch(`${b.url}/v1/sendnotification`, { method: "POST", body: JSON.stringify({ target: { customerGUID: "acct-a", clusterName: "prod" }, notification: {} }) });
    expect(send.status).toBe(401);
    const cross = await fetch(`${b.url}/v1/sendnotification`, { method: "POST", headers: { "X-API-KEY": KEY_B }, body: JSON.stringify({ target: { customerGUID: "acct-a", clusterName: "prod" }, notification: {} }) });
    expect(cross.status).toBe(403);
  });

  test("admin creates an API key that then authenticates a cluster", async () => {
    const r = await asAdmin("/api/v1/apikeys", { method: "POST", body: JSON.stringify({ account: "acct-new", label: "cluster-x" }) });
    const { key } = await r.json();
    expect(key).toStartWith("ks_");
    expect((await b.post("/k8s/sysreport", { jobID: "x1", status: "started", reporter: "r" }, key)).status).toBe(200);
    const listed = await (await asAdmin("/api/v1/apikeys?account=acct-new")).json();
    expect(listed.map((k: { label: string }) => k.label)).toEqual(["cluster-x"]);
    await asAdmin("/api/v1/apikeys?account=acct-new&label=cluster-x", { method: "DELETE" });
    expect((await b.post("/k8s/sysreport", { jobID: "x2", status: "started", reporter: "r" }, key)).status).toBe(401);
  });

  test("live updates arrive over the websocket, only for the key's account", async () => {
    const events: Array<{ type: string; account: string }> = [];
    const ws = new WebSocket(`${b.url.replace("http", "ws")}/api/v1/live`, { headers: { "X-API-KEY": KEY_A } } as unknown as string[]);
    ws.onmessage = (e) => events.push(JSON.parse(String(e.data)));
    await new Promise((r) => (ws.onopen = r));
    await b.post("/k8s/sysreport", { jobID: "live-b", status: "started", reporter: "r" }, KEY_B);
    await b.post("/k8s/sysreport", { jobID: "live-a", status: "started", reporter: "r" }, KEY_A);
    await waitFor("live event", () => events.length >= 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "job", account: "acct-a" });
    ws.close();
  });

  test("repeated failed sign-ins are throttled (429)", async () => {
    const attempt = () => fetch(`${b.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "admin", password: "guess" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const right = await fetch(`${b.url}/api/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    expect(right.status).toBe(429);
  });

  test("swagger documents the API", async () => {
    const doc = await (await fetch(`${b.url}/swagger/json`)).json();
    for (const p of ["/api/v1/clusters", "/api/v1/vulnerabilities", "/api/v1/schedules", "/api/v1/scans", "/k8s/v2/postureReport"]) expect(Object.keys(doc.paths)).toContain(p);
  });
});
