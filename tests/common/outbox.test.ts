import { describe, expect, test } from "bun:test";
import { silentLogger } from "../../src/common/log.ts";
import { Outbox, PermanentDeliveryError } from "../../src/common/outbox.ts";
import { chunkByJsonSize, EventReceiverClient } from "../../src/common/reporter.ts";

const noSleep = async () => {};

describe("outbox", () => {
  test("retries until the receiver accepts, in order", async () => {
    const got: number[] = [];
    let failures = 3;
    const box = new Outbox<number>(async (n) => {
      if (failures-- > 0) throw new Error("down");
      got.push(n);
    }, { maxItems: 10, maxBytes: 1000, baseDelayMs: 1, maxDelayMs: 2, logger: silentLogger, sleep: noSleep });
    box.enqueue(1);
    box.enqueue(2);
    await box.idle();
    expect(got).toEqual([1, 2]);
    expect(box.dropped).toBe(0);
  });

  test("stays bounded: drops the oldest beyond the limit", async () => {
    let open = false;
    const got: number[] = [];
    const box = new Outbox<number>(async (n) => {
      if (!open) throw new Error("down");
      got.push(n);
    }, { maxItems: 3, maxBytes: 1000, baseDelayMs: 1, maxDelayMs: 1, logger: silentLogger, sleep: (ms) => Bun.sleep(ms) });
    for (let i = 1; i <= 6; i++) box.enqueue(i);
    expect(box.size).toBeLessThanOrEqual(3);
    open = true;
    await box.idle();
    expect(got).toEqual([4, 5, 6]);
    expect(box.dropped).toBe(3);
  });

  test("a permanent refusal is dropped, not retried forever", async () => {
    const got: string[] = [];
    const box = new Outbox<string>(async (s) => {
      if (s === "bad") throw new PermanentDeliveryError("400");
      got.push(s);
    }, { maxItems: 10, maxBytes: 1000, baseDelayMs: 1, maxDelayMs: 1, logger: silentLogger, sleep: noSleep });
    box.enqueue("bad");
    box.enqueue("good");
    await box.idle();
    expect(got).toEqual(["good"]);
    expect(box.dropped).toBe(1);
  });
});

describe("event receiver client", () => {
  test("delivers with X-API-KEY after the receiver comes back", async () => {
    const seen: Array<{ path: string; key: string | null; q: string | null }> = [];
    let up = false;
    const server = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      fetch(req) {
        if (!up) return new Response("down", { status: 503 });
        const u = new URL(req.url);
        seen.push({ path: u.pathname, key: req.headers.get("x-api-key"), q: u.searchParams.get("customerGUID") });
        return new Response("ok");
      },
    });
    const client = new EventReceiverClient({ baseUrl: `http://127.0.0.1:${server.port}`, accessKey: "k", logger: silentLogger });
    client.sendSystemReport({ customerGUID: "acc", reporter: "t", target: "", status: "started", action: "x", jobID: "j1", timestamp: new Date().toISOString() });
    await Bun.sleep(50);
    expect(seen).toHaveLength(0);
    up = true;
    await client.flush();
    expect(seen).toEqual([{ path: "/k8s/sysreport", key: "k", q: "acc" }]);
    server.stop(true);
  });

  test("chunks stay under the byte budget and keep every item", () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ i, pad: "x".repeat(100) }));
    const chunks = chunkByJsonSize(items, 1000);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(1000 + 2);
    expect(chunks.flat()).toEqual(items);
    expect(chunkByJsonSize([], 10)).toEqual([[]]);
  });
});
