import { afterAll, describe, expect, test } from "bun:test";
import { silentLogger } from "../../src/common/log.ts";
import { type GatewayService, parseApiKeys, startGatewayService } from "../../src/gateway/service.ts";
import { backoffDelay, upstreamAttributes, upstreamBaseUrl } from "../../src/gateway/upstream.ts";
import { freePort, waitFor } from "../support/ports.ts";

describe("edge helpers", () => {
  test("backoff doubles up to the cap, with jitter in [d/2, d]", () => {
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(400);
    expect(backoffDelay(40, 100, 10_000, () => 1)).toBe(10_000);
  });
  test("parent URL normalisation", () => {
    expect(upstreamBaseUrl("master:8080").toString()).toBe("ws://master:8080/v1/waitfornotification");
    expect(upstreamBaseUrl("https://ens.example/v1/waitfornotification").toString()).toBe("wss://ens.example/v1/waitfornotification");
  });
  test("only customerGUID goes upstream when present", () => {
    expect(upstreamAttributes({ customerGUID: "a", clusterName: "c" })).toEqual({ customerGUID: "a" });
    expect(upstreamAttributes({ clusterName: "c" })).toEqual({ clusterName: "c" });
  });
  test("API key lists", () => {
    expect([...parseApiKeys("k1, k2=acct\n# comment\nk3=")]).toEqual([["k1", true], ["k2", "acct"], ["k3", true]]);
  });
});

async function listen(port: number, query: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/waitfornotification?${query}`);
  ws.binaryType = "arraybuffer";
  const received: unknown[] = [];
  ws.onmessage = (e) => received.push(JSON.parse(new TextDecoder().decode(e.data as ArrayBuffer)).notification);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("connect failed"));
  });
  return { ws, received };
}

describe("master and edge gateways", () => {
  const services: GatewayService[] = [];
  afterAll(async () => {
    for (const s of services) await s.stop();
  });

  test("master → edge → local client; master restart → edge reconnects and delivery resumes", async () => {
    const masterWs = await freePort();
    const masterHttp = await freePort();
    const startMaster = () =>
      startGatewayService({ logger: silentLogger, websocketPort: masterWs, httpPort: masterHttp, hostname: "127.0.0.1", apiKeys: parseApiKeys("secret=acct-1"), handleSignals: false });
    let master = startMaster();
    const edge = startGatewayService({
      logger: silentLogger,
      websocketPort: 0,
      httpPort: 0,
      hostname: "127.0.0.1",
      parentUrl: `ws://127.0.0.1:${masterWs}`,
      accessKey: "secret",
      handleSignals: false,
      upstreamBackoffBaseMs: 50,
    });
    services.push(edge);
    const op = await listen(edge.websocketPort, "customerGUID=acct-1&clusterName=c1&clusterComponent=InClusterTriggerHandler");
    const otherCluster = await listen(edge.websocketPort, "customerGUID=acct-1&clusterName=c2&clusterComponent=InClusterTriggerHandler");
    await waitFor("edge linked to master", () => master.broker.stats().connections === 1, 5000, 20);
    // The master saw the edge with the key's account and only the customerGUID attribute.
    expect(master.broker.clients()).toEqual([{ attributes: { customerGUID: "acct-1" }, connections: 1 }]);

    const postToMaster = (n: number) =>
      fetch(`http://127.0.0.1:${masterHttp}/v1/sendnotification`, {
        method: "POST",
        headers: { "X-API-KEY": "secret", "content-type": "application/json" },
        body: JSON.stringify({ target: { customerGUID: "acct-1", clusterName: "c1", dest: "trigger" }, sendSynchronicity: true, notification: { n } }),
      });
    expect((await postToMaster(1)).status).toBe(200);
    await waitFor("first delivery", () => op.received.length === 1, 5000, 20);

    await master.stop();
    await waitFor("edge noticed", () => edge.upstream!.state().connected === 0, 5000, 20);
    master = startMaster();
    services.push(master);
    await waitFor("edge reconnected", () => master.broker.stats().connections === 1, 10_000, 20);
    expect((await postToMaster(2)).status).toBe(200);
    await waitFor("delivery resumed", () => op.received.length === 2, 5000, 20);
    expect(op.received).toEqual([{ n: 1 }, { n: 2 }]);
    expect(otherCluster.received).toEqual([]);

    // Metrics: the edge counts its two clients, one notification routed per delivery, its upstream.
    const metrics = await (await fetch(`http://127.0.0.1:${edge.httpPort}/metrics`)).text();
    expect(metrics).toMatch(/ks_gateway_connections\{[^}]*\} 2\b/);
    expect(metrics).toMatch(/ks_gateway_routed_total\{[^}]*\} 2\b/);
    expect(metrics).toMatch(/ks_gateway_upstream_connected\{[^}]*\} 1\b/);

    // The last local client of the customer leaving closes the upstream link.
    op.ws.close();
    otherCluster.ws.close();
    await waitFor("upstream closed", () => master.broker.stats().connections === 0, 5000, 20);
  });

  test("an edge with a wrong key is refused by the master and keeps retrying", async () => {
    const masterWs = await freePort();
    const master = startGatewayService({ logger: silentLogger, websocketPort: masterWs, httpPort: 0, hostname: "127.0.0.1", apiKeys: parseApiKeys("secret"), handleSignals: false });
    const edge = startGatewayService({ logger: silentLogger, websocketPort: 0, httpPort: 0, hostname: "127.0.0.1", parentUrl: `127.0.0.1:${masterWs}`, accessKey: "wrong", handleSignals: false, upstreamBackoffBaseMs: 20 });
    services.push(master, edge);
    const c = await listen(edge.websocketPort, "customerGUID=x");
    await waitFor("several refusals", () => master.broker.stats().rejected >= 2, 5000, 20);
    expect(master.broker.stats().connections).toBe(0);
    c.ws.close();
  });
});
