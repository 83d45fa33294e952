import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KubeConfig } from "../../src/common/kube.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";

/** `ks kollector` as its own process: config file, credentials dir, readiness port, SIGTERM. */
const ns = `kollector-proc-${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), "ks-kollector-"));
const frames: Array<{ apiKey: string | null; msg: any }> = [];
let receiver: ReturnType<typeof Bun.serve>;
let proc: Started;
let kc: KubeConfig;
let readinessPort: number;

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  await kc.fetch("/api/v1/namespaces", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ metadata: { name: ns } }) });
  receiver = Bun.serve<{ apiKey: string | null }>({
    port: 0,
    hostname: "127.0.0.1",
    fetch(req, server) {
      if (server.upgrade(req, { data: { apiKey: req.headers.get("x-api-key") } })) return undefined;
      return new Response("no", { status: 400 });
    },
    websocket: { message: (ws, m) => void frames.push({ apiKey: ws.data.apiKey, msg: JSON.parse(String(m)) }) },
  });
  writeFileSync(join(dir, "clusterData.json"), JSON.stringify({ accountID: "acct-proc", clusterName: "proc-cluster", eventReceiverRestURL: `http://127.0.0.1:${receiver.port}`, gatewayRestURL: "127.0.0.1:9", triggerNewImageScan: "false" }));
  writeFileSync(join(dir, "accessKey"), "proc-key\n");
  writeFileSync(join(dir, "account"), "acct-proc\n");
  readinessPort = await freePort();
  proc = startProcess(process.execPath, ["src/main.ts", "kollector"], join(dir, "kollector.log"), {
    ...process.env,
    CONFIG: join(dir, "clusterData.json"),
    CREDENTIALS_DIR: dir,
    KUBECONFIG: cp.kubeconfigPath,
    NAMESPACE: ns,
    READINESS_PORT: String(readinessPort),
    POD_NAME: "kollector-0",
  });
}, 180_000);

afterAll(async () => {
  await proc?.stop();
  receiver?.stop(true);
  rmSync(dir, { recursive: true, force: true });
});

describe("ks kollector process", () => {
  test("becomes ready, holds the lease, reports with the credentials' key; SIGTERM hands the lease back", async () => {
    await waitFor("readiness", async () => (await fetch(`http://127.0.0.1:${readinessPort}/v1/readiness`)).status === 200, 30_000, 100);
    const first = await waitFor("first report", () => frames.find((f) => f.msg.firstReport), 30_000, 100);
    expect(first.apiKey).toBe("proc-key");
    expect(first.msg.installationData.clusterName).toBe("proc-cluster");
    const leaseOf = async () => (await (await kc.fetch(`/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/kollector`)).json()) as { spec: { holderIdentity?: string } };
    expect((await leaseOf()).spec.holderIdentity).toBe("kollector-0");
    const metrics = await (await fetch(`http://127.0.0.1:${readinessPort}/metrics`)).text();
    expect(metrics).toMatch(/^ks_kollector_leader\{component="kollector"\} 1$/m);
    expect(metrics).toMatch(/^ks_kollector_full_reports_total\{component="kollector"\} 1$/m);
    const exited = new Promise<number | null>((r) => proc.child.once("exit", (code) => r(code)));
    proc.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect((await leaseOf()).spec.holderIdentity).toBeUndefined();
    const log = readFileSync(proc.logFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(log.every((l) => l.component === "kollector" && typeof l.jobId === "string")).toBe(true);
  }, 60_000);
});
