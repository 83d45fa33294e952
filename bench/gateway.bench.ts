/**
 * Gateway fan-out: N websocket clients (1k/5k/10k) all matching one target. For each N the same
 * client process measures two servers, each in its own process:
 *   floor    a bare Bun.serve: POST /publish → server.publish("all", body)
 *   gateway  `ks gateway` (Elysia + broker): POST /v1/sendnotification, sendSynchronicity
 * Latency = time from the POST leaving the client process to each client's frame arriving
 * (one clock, the client process). The machine is shared, so the two modes alternate in rounds
 * (A B, B A, A B): each round connects N clients, sends 20 sequential notifications (latency)
 * and a burst of 40 posted at once (deliveries/s), then disconnects. p50/p99 are over all
 * deliveries of all rounds of a mode.
 *
 * Usage: bun bench/gateway.bench.ts            (prints JSON figures)
 *        bun bench/gateway.bench.ts --serve floor|gateway   (internal: the server process)
 */
import { silentLogger } from "../src/common/log.ts";
import { startGatewayService } from "../src/gateway/service.ts";

const SIZES = (process.env.GATEWAY_BENCH_SIZES ?? "1000,5000,10000").split(",").map(Number);
const SEQUENTIAL = 20;
const ROUNDS = Number(process.env.GATEWAY_BENCH_ROUNDS ?? 3);
const BURST = 40;

function figure(metric: string, value: number, unit: string, extra: { floor?: number; note?: string } = {}) {
  console.log(JSON.stringify({ bench: "gateway", metric, value: Math.round(value * 100) / 100, unit, ...extra }));
}

async function serve(mode: string): Promise<void> {
  if (mode === "floor") {
    const server = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      async fetch(req, srv) {
        const url = new URL(req.url);
        if (url.pathname === "/publish") {
          srv.publish("all", new Uint8Array(await req.arrayBuffer()));
          return new Response("[]");
        }
        if (srv.upgrade(req)) return undefined;
        return new Response("no", { status: 400 });
      },
      websocket: {
        open: (ws) => {
          ws.subscribe("all");
        },
        message() {},
        maxPayloadLength: 4 * 1024 * 1024,
      },
    });
    console.log(JSON.stringify({ ws: server.port, http: server.port, publishPath: "/publish" }));
  } else {
    const svc = startGatewayService({ logger: silentLogger, websocketPort: 0, httpPort: 0, hostname: "127.0.0.1", handleSignals: false });
    console.log(JSON.stringify({ ws: svc.websocketPort, http: svc.httpPort, publishPath: "/v1/sendnotification" }));
  }
  await new Promise(() => {});
}

interface Ports {
  ws: number;
  http: number;
  publishPath: string;
}

async function startServer(mode: string): Promise<{ ports: Ports; proc: ReturnType<typeof Bun.spawn> }> {
  const proc = Bun.spawn([process.execPath, import.meta.path, "--serve", mode], { stdout: "pipe", stderr: "inherit" });
  const reader = proc.stdout.getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${mode} server exited`);
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return { ports: JSON.parse(text.split("\n")[0]!) as Ports, proc };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface RoundResult {
  latencies: number[];
  deliveries: number;
  burstSeconds: number;
}

async function measureRound(mode: string, ports: Ports, n: number): Promise<RoundResult> {
  const sockets: WebSocket[] = [];
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  let recording = false;
  const onMessage = (e: MessageEvent) => {
    received++;
    if (!recording) return;
    const bytes = new Uint8Array(e.data as ArrayBuffer);
    // "seq" sits at a fixed place: {"target":...,"notification":{"seq":N}} — parse the tail cheaply.
    const text = new TextDecoder().decode(bytes.subarray(bytes.length - 24));
    const seq = Number(/"seq":(\d+)/.exec(text)?.[1]);
    const t0 = sentAt.get(seq);
    if (t0 !== undefined) latencies.push(performance.now() - t0);
  };
  const url = `ws://127.0.0.1:${ports.ws}/v1/waitfornotification?customerGUID=bench&clusterName=c1&clusterComponent=InClusterTriggerHandler`;
  for (let i = 0; i < n; i += 500) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + 500); j++) {
      const ws = new WebSocket(url);
      ws.binaryType = "arraybuffer";
      ws.onmessage = onMessage;
      sockets.push(ws);
      batch.push(
        new Promise((resolve, reject) => {
          ws.onopen = () => resolve();
          ws.onerror = () => reject(new Error(`client ${j} failed`));
        }),
      );
    }
    await Promise.all(batch);
  }
  const publishUrl = `http://127.0.0.1:${ports.http}${ports.publishPath}`;
  const body = (seq: number) =>
    JSON.stringify({ target: { customerGUID: "bench", clusterName: "c1", dest: "trigger" }, sendSynchronicity: true, notification: { commands: [{ commandName: "kubescapeScan", args: { scanV1: {} } }], seq } });
  const waitReceived = async (count: number, what: string) => {
    const deadline = performance.now() + 60_000;
    while (received < count) {
      if (performance.now() > deadline) throw new Error(`${mode} n=${n}: timed out waiting for ${what} (${received}/${count})`);
      await Bun.sleep(1);
    }
  };
  // Warm-up.
  for (let s = 0; s < 3; s++) {
    const target = received + n;
    await fetch(publishUrl, { method: "POST", body: body(1_000_000 + s) });
    await waitReceived(target, "warm-up");
  }
  recording = true;
  for (let s = 0; s < SEQUENTIAL; s++) {
    const target = received + n;
    sentAt.set(s, performance.now());
    await fetch(publishUrl, { method: "POST", body: body(s) });
    await waitReceived(target, `notification ${s}`);
  }
  recording = false;
  const burstStart = performance.now();
  const burstTarget = received + n * BURST;
  await Promise.all(Array.from({ length: BURST }, (_, i) => fetch(publishUrl, { method: "POST", body: body(2_000_000 + i) })));
  await waitReceived(burstTarget, "burst");
  const burstSeconds = (performance.now() - burstStart) / 1000;
  const closed = sockets.map((ws) => new Promise<void>((r) => (ws.readyState === WebSocket.CLOSED ? r() : ws.addEventListener("close", () => r()))));
  for (const ws of sockets) ws.close();
  await Promise.race([Promise.all(closed), Bun.sleep(10_000)]);
  await Bun.sleep(200);
  return { latencies, deliveries: n * BURST, burstSeconds };
}

if (process.argv[2] === "--serve") {
  await serve(process.argv[3] ?? "gateway");
} else {
  const servers = { floor: await startServer("floor"), gateway: await startServer("gateway") };
  const summarise = (rounds: RoundResult[]) => {
    const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const deliveries = rounds.reduce((s, r) => s + r.deliveries, 0);
    const seconds = rounds.reduce((s, r) => s + r.burstSeconds, 0);
    return { p50: percentile(all, 50), p99: percentile(all, 99), rate: deliveries / seconds };
  };
  for (const n of SIZES) {
    const results: Record<"floor" | "gateway", RoundResult[]> = { floor: [], gateway: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<"floor" | "gateway"> = round % 2 === 0 ? ["floor", "gateway"] : ["gateway", "floor"];
      for (const mode of order) results[mode].push(await measureRound(mode, servers[mode].ports, n));
    }
    const floor = summarise(results.floor);
    const gateway = summarise(results.gateway);
    const note = `${n} clients, one attribute set, ${ROUNDS} alternating rounds; floor = bare Bun.serve topic publish, same client process`;
    figure(`fan-out p50 latency, ${n} clients`, gateway.p50, "ms", { floor: Math.round(floor.p50 * 100) / 100, note });
    figure(`fan-out p99 latency, ${n} clients`, gateway.p99, "ms", { floor: Math.round(floor.p99 * 100) / 100, note: `p99/floor = ${(gateway.p99 / floor.p99).toFixed(2)}` });
    figure(`fan-out deliveries/s, ${n} clients`, gateway.rate, "msgs/s", { floor: Math.round(floor.rate), note: `bursts of ${BURST} notifications, ${ROUNDS} rounds` });
  }
  for (const { proc } of Object.values(servers)) proc.kill();
  process.exit(0);
}
