import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { ServerWebSocket } from "bun";
import { KubeConfig } from "../../src/common/kube.ts";
import { silentLogger } from "../../src/common/log.ts";
import { ClusterReportMessageSchema, type ClusterReportMessage } from "../../src/common/wire/clusterReport.ts";
import { Kollector } from "../../src/kollector/kollector.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { waitFor } from "../support/ports.ts";

/**
 * Kollector against the real apiserver: a real websocket endpoint (Bun.serve) stands in for the
 * event receiver, a real HTTP endpoint for the gateway. Pods never run here (no kubelet): a pod
 * "starts" when the test writes Running into its status subresource, as a kubelet would.
 */

interface Conn {
  ws: ServerWebSocket<{ apiKey: string | null; query: URLSearchParams }>;
  apiKey: string | null;
  query: URLSearchParams;
}

const ns = `kollector-it-${Date.now().toString(36)}`;
const SECRET_VALUE = "hunter2-super-secret-value";
const messages: Array<{ conn: number; raw: string; msg: ClusterReportMessage }> = [];
const conns: Conn[] = [];
const notifications: unknown[] = [];
let pings = 0;
let receiver: ReturnType<typeof Bun.serve>;
let gateway: ReturnType<typeof Bun.serve>;
let kc: KubeConfig;
let kollector: Kollector;

async function api(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<any> {
  const res = await kc.fetch(path, { method, headers: { "content-type": contentType }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok && res.status !== 404) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
const patchLabels = (path: string, labels: Record<string, string>) => api("PATCH", path, { metadata: { labels } }, "application/merge-patch+json");

type Op = "create" | "update" | "delete";
/** Entries of one section and op across all messages, optionally only after message index `from`. */
function entries(section: keyof ClusterReportMessage, op: Op, from = 0): any[] {
  return messages.slice(from).flatMap((m) => ((m.msg[section] as Record<Op, unknown[] | undefined> | undefined)?.[op] ?? []) as any[]);
}
const nameOf = (e: any) => e.podName ?? e.metadata?.name ?? e.name;
async function expectEntry(section: keyof ClusterReportMessage, op: Op, name: string, from: number, check: (e: any) => boolean = () => true): Promise<any> {
  return await waitFor(`${String(section)} ${op} ${name}`, () => entries(section, op, from).find((e) => nameOf(e) === name && (e.namespace ?? e.metadata?.namespace ?? ns) === ns && check(e)), 20_000, 50);
}

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  await api("POST", "/api/v1/namespaces", { metadata: { name: ns } });
  // A pod present before kollector starts: its image is not "new".
  await api("POST", `/api/v1/namespaces/${ns}/pods`, { metadata: { name: "preexisting" }, spec: { containers: [{ name: "c", image: "registry.local/old:1" }] } });

  receiver = Bun.serve<{ apiKey: string | null; query: URLSearchParams }>({
    port: 0,
    hostname: "127.0.0.1",
    fetch(req, server) {
      const url = new URL(req.url);
      if (url.pathname !== "/k8s/cluster-reports") return new Response("not found", { status: 404 });
      if (server.upgrade(req, { data: { apiKey: req.headers.get("x-api-key"), query: url.searchParams } })) return undefined;
      return new Response("upgrade failed", { status: 400 });
    },
    websocket: {
      open(ws) {
        conns.push({ ws, apiKey: ws.data.apiKey, query: ws.data.query });
      },
      ping() {
        pings++;
      },
      message(ws, data) {
        const raw = String(data);
        messages.push({ conn: conns.findIndex((c) => c.ws === ws), raw, msg: ClusterReportMessageSchema.parse(JSON.parse(raw)) });
      },
    },
  });
  gateway = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      if (req.method !== "POST" || new URL(req.url).pathname !== "/v1/sendnotification") return new Response("not found", { status: 404 });
      notifications.push(await req.json());
      return Response.json({ ok: true });
    },
  });
  kollector = new Kollector({
    kc,
    logger: silentLogger,
    account: "acct-1",
    clusterName: "it-cluster",
    namespace: ns,
    eventReceiverWsUrl: `http://127.0.0.1:${receiver.port}`,
    accessKey: "edge-key",
    gatewayRestUrl: `http://127.0.0.1:${gateway.port}`,
    triggerNewImageScan: true,
    identity: "kollector-a",
    leaseDurationSeconds: 3,
    batchIntervalMs: 150,
    pingIntervalMs: 200,
    minBackoffMs: 100,
    maxBackoffMs: 1000,
  });
  await kollector.start();
  await waitFor("first full report", () => messages.some((m) => m.msg.firstReport), 20_000, 50);
}, 180_000);

afterAll(async () => {
  await kollector?.stop();
  receiver?.stop(true);
  gateway?.stop(true);
});

describe("kollector against the real apiserver", () => {
  test("first full report: API server version, installation data, auth header, query, current objects", () => {
    const first = messages.find((m) => m.msg.firstReport)!;
    expect(first.msg.clusterAPIServerVersion?.gitVersion).toMatch(/^v1\.34\./);
    expect(first.msg.installationData).toMatchObject({ clusterName: "it-cluster", namespace: ns });
    // Other suites' Nodes may carry a providerID: only the type is certain here.
    expect(typeof first.msg.cloudVendor).toBe("string");
    expect(conns[0]?.apiKey).toBe("edge-key");
    expect(conns[0]?.query.get("customerGUID")).toBe("acct-1");
    expect(conns[0]?.query.get("clusterName")).toBe("it-cluster");
    expect(entries("namespace", "create").some((e) => e.name === ns)).toBe(true);
    expect(entries("pod", "create").find((e) => e.podName === "preexisting")).toMatchObject({ namespace: ns, uptreeOwner: { kind: "Pod", name: "preexisting" }, podStatus: "Pending" });
  });

  test("services, secrets, nodes and namespaces: create, update, delete", async () => {
    const from = messages.length;
    await api("POST", `/api/v1/namespaces/${ns}/services`, { metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } });
    await expectEntry("service", "create", "web", from, (e) => e.spec.ports[0].port === 80);
    await patchLabels(`/api/v1/namespaces/${ns}/services/web`, { tier: "front" });
    await expectEntry("service", "update", "web", from, (e) => e.metadata.labels?.tier === "front");
    await api("DELETE", `/api/v1/namespaces/${ns}/services/web`);
    await expectEntry("service", "delete", "web", from);

    const secret = {
      metadata: { name: "db", annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ stringData: { password: SECRET_VALUE } }), owner: "team-a" } },
      stringData: { password: SECRET_VALUE },
    };
    await api("POST", `/api/v1/namespaces/${ns}/secrets`, secret);
    const created = await expectEntry("secret", "create", "db", from);
    expect(created.metadata.annotations).toEqual({ owner: "team-a" });
    await patchLabels(`/api/v1/namespaces/${ns}/secrets/db`, { rotated: "yes" });
    await expectEntry("secret", "update", "db", from, (e) => e.metadata.labels?.rotated === "yes");
    await api("DELETE", `/api/v1/namespaces/${ns}/secrets/db`);
    await expectEntry("secret", "delete", "db", from);

    const node = `${ns}-node`;
    await api("POST", "/api/v1/nodes", { metadata: { name: node }, spec: { providerID: "aws:///eu-west-1a/i-0abc" } });
    await waitFor("node create", () => entries("node", "create", from).find((e) => e.name === node), 20_000, 50);
    await patchLabels(`/api/v1/nodes/${node}`, { pool: "blue" });
    await waitFor("node update", () => entries("node", "update", from).find((e) => e.name === node && e.metadata.labels?.pool === "blue"), 20_000, 50);
    await api("DELETE", `/api/v1/nodes/${node}`);
    await waitFor("node delete", () => entries("node", "delete", from).find((e) => e.name === node), 20_000, 50);

    await patchLabels(`/api/v1/namespaces/${ns}`, { team: "a" });
    await waitFor("namespace update", () => entries("namespace", "update", from).find((e) => e.name === ns && e.metadata.labels?.team === "a"), 20_000, 50);
  }, 60_000);

  test("a secret's data never leaves: not in any message, in any form", () => {
    const b64 = Buffer.from(SECRET_VALUE).toString("base64");
    const all = messages.map((m) => m.raw).join("\n");
    expect(all).toContain('"db"');
    expect(all).not.toContain(SECRET_VALUE);
    expect(all).not.toContain(b64);
  });

  test("workloads become microservices; owned ReplicaSets and pods resolve to their top owner", async () => {
    const from = messages.length;
    const template = (app: string, image = "nginx:1.27") => ({ metadata: { labels: { app } }, spec: { containers: [{ name: "c", image }] } });
    const selector = (app: string) => ({ matchLabels: { app } });
    const kinds: Array<[string, string, Record<string, unknown>]> = [
      ["Deployment", `/apis/apps/v1/namespaces/${ns}/deployments`, { selector: selector("dep"), template: template("dep") }],
      ["StatefulSet", `/apis/apps/v1/namespaces/${ns}/statefulsets`, { selector: selector("sts"), serviceName: "sts", template: template("sts") }],
      ["DaemonSet", `/apis/apps/v1/namespaces/${ns}/daemonsets`, { selector: selector("ds"), template: template("ds") }],
      ["Job", `/apis/batch/v1/namespaces/${ns}/jobs`, { template: { ...template("job"), spec: { ...template("job").spec, restartPolicy: "Never" } } }],
      ["CronJob", `/apis/batch/v1/namespaces/${ns}/cronjobs`, { schedule: "0 3 * * *", jobTemplate: { spec: { template: { ...template("cj"), spec: { ...template("cj").spec, restartPolicy: "Never" } } } } }],
      ["ReplicaSet", `/apis/apps/v1/namespaces/${ns}/replicasets`, { selector: selector("rs"), template: template("rs") }],
    ];
    for (const [kind, path, spec] of kinds) {
      const name = kind.toLowerCase();
      await api("POST", path, { metadata: { name }, spec });
      const created = await expectEntry("microservice", "create", name, from, (e) => e.kind === kind);
      expect(created.uptreeOwner).toEqual({ name, kind });
      expect(created.podSpecId).toMatch(/^[0-9a-f]{16}$/);
      await patchLabels(`${path}/${name}`, { changed: "1" });
      await expectEntry("microservice", "update", name, from, (e) => e.kind === kind && e.metadata.labels?.changed === "1");
    }
    expect(entries("cronjob", "create", from).some((e) => e.metadata.name === "cronjob")).toBe(true);

    // Deployment → ReplicaSet → Pod, as the controllers would create them.
    const dep = await api("GET", `/apis/apps/v1/namespaces/${ns}/deployments/deployment`);
    const rs = await api("POST", `/apis/apps/v1/namespaces/${ns}/replicasets`, {
      metadata: { name: "deployment-5d9f", labels: { app: "dep" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "deployment", uid: dep.metadata.uid, controller: true }] },
      spec: { selector: selector("dep"), template: template("dep") },
    });
    await api("POST", `/api/v1/namespaces/${ns}/pods`, {
      metadata: { name: "deployment-5d9f-abcde", labels: { app: "dep" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "deployment-5d9f", uid: rs.metadata.uid, controller: true }] },
      spec: { containers: [{ name: "c", image: "nginx:1.27" }] },
    });
    const pod = await expectEntry("pod", "create", "deployment-5d9f-abcde", from);
    expect(pod.uptreeOwner).toEqual({ name: "deployment", kind: "Deployment" });
    expect(entries("microservice", "create", from).some((e) => e.metadata.name === "deployment-5d9f")).toBe(false);

    await patchLabels(`/api/v1/namespaces/${ns}/pods/deployment-5d9f-abcde`, { extra: "x" });
    await api("PATCH", `/api/v1/namespaces/${ns}/pods/deployment-5d9f-abcde/status`, { status: { phase: "Failed" } }, "application/merge-patch+json");
    await expectEntry("pod", "update", "deployment-5d9f-abcde", from, (e) => e.podStatus === "Failed");
    await api("DELETE", `/api/v1/namespaces/${ns}/pods/deployment-5d9f-abcde?gracePeriodSeconds=0`);
    await expectEntry("pod", "delete", "deployment-5d9f-abcde", from);

    for (const [kind, path] of kinds) {
      // Background propagation: Jobs default to orphaning, which waits for a garbage collector this apiserver lacks.
      await api("DELETE", `${path}/${kind.toLowerCase()}?propagationPolicy=Background`);
      await expectEntry("microservice", "delete", kind.toLowerCase(), from, (e) => e.kind === kind);
    }
  }, 90_000);

  test("a new image produces exactly one scan notification for its workload", async () => {
    const dep = await api("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, {
      metadata: { name: "api" },
      spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "c", image: "registry.local/api:2.0" }] } } },
    });
    const rs = await api("POST", `/apis/apps/v1/namespaces/${ns}/replicasets`, {
      metadata: { name: "api-7c", labels: { app: "api" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "api", uid: dep.metadata.uid, controller: true }] },
      spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "c", image: "registry.local/api:2.0" }] } } },
    });
    const startPod = async (name: string, image: string, owned = true) => {
      await api("POST", `/api/v1/namespaces/${ns}/pods`, {
        metadata: { name, labels: { app: "api" }, ...(owned ? { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-7c", uid: rs.metadata.uid, controller: true }] } : {}) },
        spec: { containers: [{ name: "c", image }] },
      });
      await api("PATCH", `/api/v1/namespaces/${ns}/pods/${name}/status`, { status: { phase: "Running", startTime: new Date().toISOString() } }, "application/merge-patch+json");
    };
    await startPod("api-7c-one", "registry.local/api:2.0");
    await waitFor("scan notification", () => notifications.length >= 1, 20_000, 50);
    // Same image again (second replica), and the pre-existing image: no new notification.
    await startPod("api-7c-two", "registry.local/api:2.0");
    await startPod("old-image", "registry.local/old:1", false);
    // Create and the status change can land in one batch (coalesced into a create): accept either.
    const running = (name: string) => waitFor(`${name} running`, () => [...entries("pod", "create"), ...entries("pod", "update")].find((e) => e.podName === name && e.namespace === ns && e.podStatus === "Running"), 20_000, 50);
    await running("old-image");
    await running("api-7c-two");
    await kollector.flushNotifications();
    // Kollector watches the whole cluster: only this namespace's workloads are this test's.
    const ours = notifications.filter((n) => JSON.stringify(n).includes(`/namespace-${ns}/`));
    expect(ours).toEqual([
      {
        target: { customerGUID: "acct-1", clusterName: "it-cluster", clusterComponent: "InClusterTriggerHandler", dest: "trigger" },
        notification: { commands: [{ commandName: "scan", wlid: `wlid://cluster-it-cluster/namespace-${ns}/Deployment-api` }] },
      },
    ]);
  }, 60_000);

  test("the connection is kept alive with websocket pings", async () => {
    await waitFor("pings", () => pings >= 2, 5_000, 50);
  });

  test("a dropped connection leads to a reconnect and a fresh full report", async () => {
    const before = conns.length;
    conns[conns.length - 1]!.ws.close(1011, "receiver restarting");
    await waitFor("reconnect", () => conns.length > before, 20_000, 50);
    const fresh = await waitFor("fresh full report", () => messages.find((m) => m.conn === before && m.msg.firstReport), 20_000, 50);
    expect(fresh.msg.clusterAPIServerVersion?.gitVersion).toMatch(/^v1\.34\./);
    expect(entries("microservice", "create", messages.indexOf(fresh)).some((e) => e.metadata.name === "api" && e.metadata.namespace === ns)).toBe(true);
  }, 30_000);

  test("only the lease holder reports; a standby takes over when the leader hands over", async () => {
    const standbyConns: number[] = [];
    const second = new Kollector({
      kc,
      logger: silentLogger,
      account: "acct-1",
      clusterName: "it-cluster",
      namespace: ns,
      eventReceiverWsUrl: `http://127.0.0.1:${receiver.port}`,
      accessKey: "edge-key",
      gatewayRestUrl: "",
      triggerNewImageScan: false,
      identity: "kollector-b",
      leaseDurationSeconds: 3,
      batchIntervalMs: 150,
      minBackoffMs: 100,
      maxBackoffMs: 1000,
    });
    const before = conns.length;
    await second.start();
    await Bun.sleep(1500);
    expect(second.lease.isLeader).toBe(false);
    expect(conns.length).toBe(before);
    standbyConns.push(conns.length);
    await kollector.lease.stop();
    await waitFor("standby becomes leader", () => second.lease.isLeader, 20_000, 50);
    await waitFor("standby connects and reports", () => conns.length > before && messages.some((m) => m.conn === before && m.msg.firstReport), 20_000, 50);
    const lease = await api("GET", `/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/kollector`);
    expect(lease.spec.holderIdentity).toBe("kollector-b");
    await second.stop();
  }, 60_000);
});
