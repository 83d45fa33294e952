/**
 * `ks gateway` as real processes: a master with API keys, an edge pointed at it by PARENT_URL,
 * a client behind the edge; the master process is killed and restarted on the same ports.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";

const ROOT = join(import.meta.dir, "../..");
const logs = mkdtempSync(join(tmpdir(), "ks-gateway-"));
const started: Started[] = [];

function gateway(name: string, env: Record<string, string>): Started {
  const proc = startProcess(process.execPath, [join(ROOT, "src/main.ts"), "gateway"], join(logs, `${name}.log`), {
    ...process.env,
    CONFIG: "",
    BIND_ADDRESS: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...env,
  });
  started.push(proc);
  return proc;
}

afterAll(async () => {
  for (const p of started) await p.stop();
});

test("master restart: the edge process reconnects and delivery resumes", async () => {
  const [mWs, mHttp, mReady, eWs, eHttp, eReady] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const masterEnv = { WEBSOCKET_PORT: String(mWs), HTTP_PORT: String(mHttp), READINESS_PORT: String(mReady), GATEWAY_API_KEYS: "edge-key=acct-9" };
  let master = gateway("master-1", masterEnv);
  gateway("edge", { WEBSOCKET_PORT: String(eWs), HTTP_PORT: String(eHttp), READINESS_PORT: String(eReady), PARENT_URL: `ws://127.0.0.1:${mWs}`, ACCESS_KEY: "edge-key" });
  await waitFor("both ready", async () => (await fetch(`http://127.0.0.1:${mReady}/v1/readiness`)).ok && (await fetch(`http://127.0.0.1:${eReady}/v1/readiness`)).ok, 20_000, 100);

  const ws = new WebSocket(`ws://127.0.0.1:${eWs}/v1/waitfornotification?customerGUID=acct-9&clusterName=c9&clusterComponent=InClusterTriggerHandler`);
  ws.binaryType = "arraybuffer";
  const got: unknown[] = [];
  ws.onmessage = (e) => got.push(JSON.parse(new TextDecoder().decode(e.data as ArrayBuffer)).notification);
  await new Promise((r) => (ws.onopen = r));

  const send = (n: number) =>
    fetch(`http://127.0.0.1:${mHttp}/v1/sendnotification`, {
      method: "POST",
      headers: { "X-API-KEY": "edge-key" },
      body: JSON.stringify({ target: { customerGUID: "acct-9", clusterName: "c9", dest: "trigger" }, sendSynchronicity: true, notification: { n } }),
    });
  // The master sees the edge only after its upstream is up: retry until delivered.
  await waitFor("first delivery", async () => {
    if (got.length === 0) await send(1);
    return got.length > 0;
  }, 15_000, 200);
  expect((await send(0).then((r) => r.status))).toBe(200);
  const unauthorised = await fetch(`http://127.0.0.1:${mHttp}/v1/sendnotification`, { method: "POST", body: '{"target":{"a":"b"}}' });
  expect(unauthorised.status).toBe(401);

  await master.stop();
  master = gateway("master-2", masterEnv);
  await waitFor("master back", async () => (await fetch(`http://127.0.0.1:${mReady}/v1/readiness`).catch(() => undefined))?.ok, 20_000, 100);
  const before = got.length;
  await waitFor("delivery resumed", async () => {
    if (got.length === before) await send(2).catch(() => undefined);
    return got.length > before;
  }, 30_000, 300);
  expect(got.at(-1)).toEqual({ n: 2 });
  ws.close();
}, 90_000);
