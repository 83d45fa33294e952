import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { connect, type Socket } from "node:net";
import { createServiceApp } from "../../src/common/http/service.ts";
import { silentLogger } from "../../src/common/log.ts";
import { encodeNotificationBson } from "../../src/common/wire/notification.ts";
import { createGatewayBroker, type GatewayBroker } from "../../src/gateway/broker.ts";
import { waitFor } from "../support/ports.ts";

interface Client {
  ws: WebSocket;
  received: string[];
  raw: Uint8Array[];
}

async function connectClient(base: string, query: string, headers: Record<string, string> = {}): Promise<Client> {
  const ws = new WebSocket(`${base.replace("http", "ws")}/v1/waitfornotification?${query}`, { headers } as unknown as string[]);
  ws.binaryType = "arraybuffer";
  const received: string[] = [];
  const raw: Uint8Array[] = [];
  ws.onmessage = (e) => {
    const bytes = typeof e.data === "string" ? new TextEncoder().encode(e.data) : new Uint8Array(e.data as ArrayBuffer);
    raw.push(bytes);
    received.push(new TextDecoder().decode(bytes));
  };
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`connect ${query} failed`));
  });
  return { ws, received, raw };
}

function post(base: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${base}/v1/sendnotification`, { method: "POST", body, headers });
}

describe("gateway broker (open, in-cluster)", () => {
  let broker: GatewayBroker;
  let base: string;
  let server: { stop(force?: boolean): unknown };
  const clients: Client[] = [];

  beforeAll(() => {
    broker = createGatewayBroker({ logger: silentLogger, limits: { maxMessageBytes: 64 * 1024, maxConnections: 8, maxBufferedBytes: 256 * 1024, slowConsumerCheckMs: 50 } });
    const { app } = createServiceApp({ component: "gateway-test", logger: silentLogger });
    app.use(broker.routes()).listen({ port: 0, hostname: "127.0.0.1" });
    server = app.server!;
    base = `http://127.0.0.1:${app.server!.port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.ws.close();
    await broker.close();
    server.stop(true);
  });

  test("clients with different attributes receive exactly their notifications", async () => {
    const op1 = await connectClient(base, "customerGUID=a&clusterName=c1&clusterComponent=InClusterTriggerHandler");
    const op2 = await connectClient(base, "customerGUID=a&clusterName=c2&clusterComponent=InClusterTriggerHandler");
    const other = await connectClient(base, "customerGUID=b&clusterName=c1");
    clients.push(op1, op2, other);
    const send = async (target: Record<string, string>, n: number) => {
      const res = await post(base, JSON.stringify({ target, sendSynchronicity: true, notification: { n } }));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("[]");
    };
    await send({ customerGUID: "a", clusterName: "c1", dest: "trigger" }, 1);
    await send({ customerGUID: "a" }, 2);
    await send({ clusterName: "c1" }, 3);
    await send({ customerGUID: "b", clusterName: "c2" }, 4); // shares keys with all, agrees with none
    await send({ dest: "trigger" }, 5); // shares no key
    await waitFor("deliveries", () => op1.received.length >= 3 && op2.received.length >= 1 && other.received.length >= 1, 3000, 10);
    await Bun.sleep(50);
    const ns = (c: Client) => c.received.map((r) => JSON.parse(r).notification.n);
    expect(ns(op1)).toEqual([1, 2, 3]);
    expect(ns(op2)).toEqual([2]);
    expect(ns(other)).toEqual([3]);
    expect(broker.clients()).toHaveLength(3);
  });

  test("BSON bodies are accepted and forwarded unchanged", async () => {
    const c = await connectClient(base, "customerGUID=bson");
    clients.push(c);
    const bytes = encodeNotificationBson({ target: { customerGUID: "bson" }, sendSynchronicity: true, notification: { commands: [{ commandName: "scan" }] } });
    const res = await post(base, bytes as Uint8Array<ArrayBuffer>, { "content-type": "application/bson" });
    expect(res.status).toBe(200);
    const got = await waitFor("bson delivered", () => c.raw[0], 3000, 10);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
  });

  test("no/empty target → 400 naming target; garbage → 400", async () => {
    for (const body of ['{"notification":{}}', '{"target":{}}']) {
      const res = await post(base, body);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toContain("target");
    }
    expect((await post(base, "\u0001\u0002garbage")).status).toBe(400);
  });

  test("oversize notifications are refused (REST 413, websocket frame dropped)", async () => {
    const big = JSON.stringify({ target: { customerGUID: "a" }, notification: "x".repeat(70 * 1024) });
    const res = await post(base, big);
    expect(res.status).toBe(413);
    const before = broker.stats().dropped;
    const sender = await connectClient(base, "customerGUID=sender");
    clients.push(sender);
    sender.ws.send(big);
    await waitFor("oversize frame counted", () => broker.stats().dropped > before, 3000, 10);
  });

  test("no attributes → 400; connection limit → refused", async () => {
    const res = await fetch(`${base}/v1/waitfornotification`, { headers: { upgrade: "websocket", connection: "upgrade", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" } });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("no attributes");
    const open = broker.stats().connections;
    const extra: Client[] = [];
    for (let i = open; i < 8; i++) extra.push(await connectClient(base, `fill=${i}`));
    clients.push(...extra);
    await expect(connectClient(base, "fill=over")).rejects.toThrow();
    expect(broker.stats().rejected).toBeGreaterThan(0);
    for (const c of extra) c.ws.close();
    await waitFor("limit freed", () => broker.stats().connections < 8, 3000, 10);
  });

  test("a client that stops reading is dropped; the others keep receiving", async () => {
    // A raw TCP websocket client that completes the handshake and then never reads.
    const port = Number(new URL(base).port);
    const slow: Socket = connect(port, "127.0.0.1");
    await new Promise<void>((r) => slow.once("connect", () => r()));
    slow.write(`GET /v1/waitfornotification?customerGUID=flood HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await new Promise<void>((r) => slow.once("data", () => r()));
    slow.pause();
    const fast = await connectClient(base, "customerGUID=flood");
    clients.push(fast);
    await waitFor("both registered", () => broker.clients().find((c) => c.attributes.customerGUID === "flood")?.connections === 2, 3000, 10);
    const droppedBefore = broker.stats().dropped;
    const chunk = JSON.stringify({ target: { customerGUID: "flood" }, sendSynchronicity: true, notification: "y".repeat(60 * 1024) });
    let sent = 0;
    for (let i = 0; i < 400 && broker.stats().dropped === droppedBefore; i++) {
      await post(base, chunk);
      sent++;
      if (i % 20 === 0) await Bun.sleep(20);
    }
    expect(broker.stats().dropped).toBeGreaterThan(droppedBefore);
    await waitFor("fast client got everything", () => fast.received.length >= sent, 10_000, 20);
    expect(broker.clients().find((c) => c.attributes.customerGUID === "flood")?.connections).toBe(1);
    slow.destroy();
  });
});

describe("gateway broker with API keys (master)", () => {
  let broker: GatewayBroker;
  let base: string;
  let server: { stop(force?: boolean): unknown };

  beforeAll(() => {
    broker = createGatewayBroker({ logger: silentLogger, apiKeys: (key) => (key === "key-a" ? "acct-a" : key === "key-b" ? "acct-b" : false) });
    const { app } = createServiceApp({ component: "gateway-test", logger: silentLogger });
    app.use(broker.routes()).listen({ port: 0, hostname: "127.0.0.1" });
    server = app.server!;
    base = `http://127.0.0.1:${app.server!.port}`;
  });
  afterAll(async () => {
    await broker.close();
    server.stop(true);
  });

  test("missing or wrong X-API-KEY → 401 for both websocket and POST", async () => {
    await expect(connectClient(base, "customerGUID=acct-a")).rejects.toThrow();
    await expect(connectClient(base, "customerGUID=acct-a", { "X-API-KEY": "nope" })).rejects.toThrow();
    const res = await post(base, JSON.stringify({ target: { customerGUID: "acct-a" } }));
    expect(res.status).toBe(401);
    expect((await res.json()).message).toContain("X-API-KEY");
  });

  test("a key confines clients and notifications to its account", async () => {
    const a = await connectClient(base, "clusterName=c1", { "X-API-KEY": "key-a" });
    const b = await connectClient(base, "clusterName=c1", { "X-API-KEY": "key-b" });
    await expect(connectClient(base, "customerGUID=acct-b", { "X-API-KEY": "key-a" })).rejects.toThrow();
    // Tenant a posts for clusterName c1 only: tenant b's c1 must not see it.
    const ok = await post(base, JSON.stringify({ target: { clusterName: "c1" }, sendSynchronicity: true, notification: "for-a" }), { "X-API-KEY": "key-a" });
    expect(ok.status).toBe(200);
    const cross = await post(base, JSON.stringify({ target: { customerGUID: "acct-b" }, notification: "x" }), { "X-API-KEY": "key-a" });
    expect(cross.status).toBe(403);
    await waitFor("a received", () => a.received.length === 1, 3000, 10);
    await Bun.sleep(50);
    expect(b.received).toEqual([]);
    a.ws.close();
    b.ws.close();
  });
});

describe("gateway broker delivery modes", () => {
  test("sendSynchronicity false answers first and still delivers; send() routes programmatically", async () => {
    const broker = createGatewayBroker({ logger: silentLogger });
    const { app } = createServiceApp({ component: "gateway-test", logger: silentLogger });
    app.use(broker.routes()).listen({ port: 0, hostname: "127.0.0.1" });
    const base = `http://127.0.0.1:${app.server!.port}`;
    try {
      const c = await connectClient(base, "customerGUID=z");
      const res = await post(base, JSON.stringify({ target: { customerGUID: "z" }, notification: "async" }));
      expect(res.status).toBe(200);
      expect(res.headers.get("x-delivered-clients")).toBeNull();
      await waitFor("async delivery", () => c.received.length === 1, 3000, 10);
      expect(broker.send({ target: { customerGUID: "z" }, notification: "direct" })).toEqual({ clients: 1, groups: 1 });
      await waitFor("direct delivery", () => c.received.length === 2, 3000, 10);
      expect(c.received.map((r) => JSON.parse(r).notification)).toEqual(["async", "direct"]);
      c.ws.close();
    } finally {
      await broker.close();
      app.server!.stop(true);
    }
  });
});
