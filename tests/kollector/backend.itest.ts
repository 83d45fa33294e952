import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { KubeConfig } from "../../src/common/kube.ts";
import { silentLogger } from "../../src/common/log.ts";
import { Kollector } from "../../src/kollector/kollector.ts";
import { KEY_A, type TestBackend, testBackend } from "../backend/harness.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { waitFor } from "../support/ports.ts";

/** Kollector → the project's own event receiver (backend), inventory read back from its store. */
const ns = `kollector-be-${Date.now().toString(36)}`;
const cluster = `be-${Date.now().toString(36)}`;
let kc: KubeConfig;
let backend: TestBackend;
let kollector: Kollector;

const api = async (method: string, path: string, body?: unknown) => {
  const res = await kc.fetch(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
  return res.json();
};

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  await api("POST", "/api/v1/namespaces", { metadata: { name: ns } });
  await api("POST", `/api/v1/namespaces/${ns}/secrets`, { metadata: { name: "creds" }, stringData: { token: "tok-never-leaves-9f8e" } });
  backend = await testBackend();
  kollector = new Kollector({
    kc,
    logger: silentLogger,
    account: "acct-a",
    clusterName: cluster,
    namespace: ns,
    eventReceiverWsUrl: backend.url,
    accessKey: KEY_A,
    gatewayRestUrl: "",
    triggerNewImageScan: false,
    identity: "kollector-be",
    leaseDurationSeconds: 3,
    batchIntervalMs: 150,
    minBackoffMs: 100,
    maxBackoffMs: 1000,
  });
  await kollector.start();
}, 180_000);

afterAll(async () => {
  await kollector?.stop();
  await backend?.cleanup();
});

describe("kollector → backend event receiver", () => {
  test("inventory lands in the store: namespace, secret metadata, workloads and pods; deletes remove", async () => {
    const inv = (kind?: string) => backend.store.inventory("acct-a", cluster, kind);
    await waitFor("first report stored", async () => (await inv("namespace")).some((i) => i.key === ns), 20_000, 100);
    expect((await backend.store.clusters("acct-a")).find((c) => c.name === cluster)).toBeDefined();
    const secrets = await inv("secret");
    expect(secrets.some((s) => s.key === `${ns}/creds`)).toBe(true);
    expect(JSON.stringify(secrets)).not.toContain("tok-never-leaves-9f8e");
    expect(JSON.stringify(secrets)).not.toContain(Buffer.from("tok-never-leaves-9f8e").toString("base64"));

    await api("POST", `/apis/apps/v1/namespaces/${ns}/deployments`, {
      metadata: { name: "shop" },
      spec: { selector: { matchLabels: { app: "shop" } }, template: { metadata: { labels: { app: "shop" } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } },
    });
    await api("POST", `/api/v1/namespaces/${ns}/pods`, { metadata: { name: "solo" }, spec: { containers: [{ name: "c", image: "busybox:1.36" }] } });
    await waitFor("workload and pod stored", async () => (await inv("microservice")).some((i) => i.key === `${ns}/Deployment/shop`) && (await inv("pod")).some((i) => i.key === `${ns}/solo`), 20_000, 100);

    await api("DELETE", `/api/v1/namespaces/${ns}/pods/solo?gracePeriodSeconds=0`);
    await waitFor("pod removed", async () => !(await inv("pod")).some((i) => i.key === `${ns}/solo`), 20_000, 100);
  }, 60_000);
});
