import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { silentLogger } from "../../src/common/log.ts";
import { type GatewayService, startGatewayService } from "../../src/gateway/service.ts";
import { freePort, waitFor } from "../support/ports.ts";
import { KEY_A, type TestBackend, testBackend } from "./harness.ts";

/** Backend (master gateway) → the project's edge gateway (`ks gateway` code) → an operator-like client. */
describe("commands through the master and an edge gateway", () => {
  let b: TestBackend;
  let edge: GatewayService;
  let edgePort: number;

  beforeAll(async () => {
    b = await testBackend();
    edgePort = await freePort();
    edge = startGatewayService({ logger: silentLogger, websocketPort: edgePort, httpPort: await freePort(), hostname: "127.0.0.1", parentUrl: b.url, accessKey: KEY_A, handleSignals: false });
  });
  afterAll(async () => {
    await edge.stop();
    await b.cleanup();
  });

  test("a schedule created in the API reaches the operator registered at the cluster's gateway", async () => {
    const received: Array<{ target: Record<string, string>; notification: { commands: Array<Record<string, any>> } }> = [];
    const ws = new WebSocket(`ws://127.0.0.1:${edgePort}/v1/waitfornotification?customerGUID=acct-a&clusterName=prod&clusterComponent=InClusterTriggerHandler`);
    ws.binaryType = "arraybuffer";
    ws.onmessage = (e) => received.push(JSON.parse(typeof e.data === "string" ? e.data : new TextDecoder().decode(e.data as ArrayBuffer)));
    await new Promise((r) => (ws.onopen = r));
    try {
      // The edge opens its upstream link to the backend when its first client registers.
      await waitFor("edge linked to the master", () => b.broker.clients().some((c) => c.attributes.customerGUID === "acct-a"));
      await b.store.touchCluster("acct-a", "prod", Date.now());
      expect((await (await b.get("/api/v1/clusters")).json())[0]).toMatchObject({ name: "prod", connected: true });
      const r = await b.post("/api/v1/schedules", { cluster: "prod", kind: "image", name: "nightly images", cron: "0 1 * * *", target: { namespace: "shop" } });
      expect(r.status).toBe(201);
      await waitFor("command at the operator", () => received.length > 0);
      expect(received[0]!.target).toMatchObject({ customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler", dest: "trigger" });
      expect(received[0]!.notification.commands[0]).toMatchObject({ commandName: "setVulnScanCronJob", args: { jobParams: { cronTabSchedule: "0 1 * * *" } } });
      const scan = await b.post("/api/v1/scans", { cluster: "prod", kind: "posture", target: { frameworks: ["nsa"] } });
      expect(scan.status).toBe(202);
      await waitFor("scan command", () => received.length > 1);
      expect(received[1]!.notification.commands[0]).toMatchObject({ commandName: "kubescapeScan", args: { scanV1: { targetNames: ["nsa"] } } });
    } finally {
      ws.close();
    }
  });
});
