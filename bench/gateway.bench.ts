/**
 * Gateway fan-out: N websocket clients (1k/5k/10k), all matching one target, against two servers
 * in the same run, each in its own process:
 *   floor    a bare Bun.serve: POST /publish → server.publish("all", body)
 *   gateway  `ks gateway` (Elysia + broker): POST /v1/sendnotification, sendSynchronicity
 * Each server has its own client process holding N connections; that process posts each
 * notification itself and times every delivery on its own clock (POST sent → frame received).
 * The two sides take turns notification by notification (A B, B A, ...), so the noise of a
 * shared machine lands on both alike. p50/p99 over all deliveries of 60–200 sequential
 * notifications (200 at 1k clients, 60 at 10k); msgs/s = deliveries per second during a burst of 40 notifications posted at once.
 *
 * Usage: bun bench/gateway.bench.ts        (prints JSON figures; GATEWAY_BENCH_SIZES=1000,5000)
 *   internal: --serve floor|gateway   the server process
 *             --clients <wsPort> <httpPort> <path> <n>   a client process (commands on stdin)
 */
import { silentLogger } from "../src/common/log.ts";
import { startGatewayService } from "../src/gateway/service.ts";

const SIZES = (process.env.GATEWAY_BENCH_SIZES ?? "1000,5000,10000").split(",").map(Number);
/** More notifications for small N keep one stall on a shared machine from being the p99. */
const sequentialFor = (n: number) => Math.round(Math.max(60, Math.min(200, 600_000 / n)));
const WARMUP = 3;
const BURST = 40;

type Mode = "floor" | "gateway";

function figure(metric: string, value: number, unit: string, extra: { floor?: number; note?: string } = {}) {
  console.log(JSON.stringify({ bench: "gateway", metric, value: Math.round(value * 100) / 100, unit, ...extra }));
}

async function serve(mode: string): Promise<void> {
  if (mode === "floor") {
    const server = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      async fetch(req, srv) {
        if (new URL(req.url).pathname === "/publish") {
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
      },
    });
    console.log(JSON.stringify({ ws: server.port, http: server.port, path: "/publish" }));
  } else {
    const svc = startGatewayService({ logger: silentLogger, websocketPort: 0, httpPort: 0, hostname: "127.0.0.1", handleSignals: false });
    console.log(JSON.stringify({ ws: svc.websocketPort, http: svc.httpPort, path: "/v1/sendnotification" }));
  }
  await new Promise(() => {});
}

/** Line-oriented child process: send a command, read one JSON line back. */
class Child {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(readonly proc: Bun.Subprocess<"pipe", "pipe", "inherit">) {
    this.reader = proc.stdout.getReader();
  }

  static spawn(args: string[]): Child {
    return new Child(Bun.spawn([process.execPath, import.meta.path, ...args], { stdin: "pipe", stdout: "pipe", stderr: "inherit" }));
  }

  async line(): Promise<string> {
    while (!this.buffer.includes("\n")) {
      const { value, done } = await this.reader.read();
      if (done) throw new Error("child exited");
      this.buffer += new TextDecoder().decode(value);
    }
    const i = this.buffer.indexOf("\n");
    const out = this.buffer.slice(0, i);
    this.buffer = this.buffer.slice(i + 1);
    return out;
  }

  async ask<T>(command: string): Promise<T> {
    this.proc.stdin.write(`${command}\n`);
    await this.proc.stdin.flush();
    return JSON.parse(await this.line()) as T;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function clients(wsPort: number, httpPort: number, path: string, n: number): Promise<void> {
  const latencies: number[] = [];
  let received = 0;
  let sentAt = 0;
  let recording = false;
  const url = `ws://127.0.0.1:${wsPort}/v1/waitfornotification?customerGUID=bench&clusterName=c1&clusterComponent=InClusterTriggerHandler`;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 500) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + 500); j++) {
      const ws = new WebSocket(url);
      ws.binaryType = "arraybuffer";
      ws.onmessage = () => {
        received++;
        if (recording) latencies.push(performance.now() - sentAt);
      };
      sockets.push(ws);
      batch.push(new Promise((resolve, reject) => ((ws.onopen = () => resolve()), (ws.onerror = () => reject(new Error(`client ${j} failed`))))));
    }
    await Promise.all(batch);
  }
  const publishUrl = `http://127.0.0.1:${httpPort}${path}`;
  const body = JSON.stringify({
    target: { customerGUID: "bench", clusterName: "c1", dest: "trigger" },
    sendSynchronicity: true,
    notification: { commands: [{ commandName: "kubescapeScan", args: { scanV1: { targetType: "Framework", targetNames: ["nsa"] } } }] },
  });
  const waitReceived = async (count: number) => {
    const deadline = performance.now() + 60_000;
    while (received < count) {
      if (performance.now() > deadline) throw new Error(`timed out (${received}/${count})`);
      await Bun.sleep(1);
    }
  };
  const reply = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
  reply({ ready: true });
  for await (const chunk of Bun.stdin.stream()) {
    for (const command of new TextDecoder().decode(chunk).split("\n").filter(Boolean)) {
      if (command === "warm" || command === "seq") {
        const target = received + n;
        recording = command === "seq";
        sentAt = performance.now();
        await fetch(publishUrl, { method: "POST", body });
        await waitReceived(target);
        recording = false;
        reply({ ok: true });
      } else if (command === "burst") {
        const start = performance.now();
        const target = received + n * BURST;
        await Promise.all(Array.from({ length: BURST }, () => fetch(publishUrl, { method: "POST", body })));
        await waitReceived(target);
        reply({ seconds: (performance.now() - start) / 1000 });
      } else if (command === "report") {
        latencies.sort((a, b) => a - b);
        reply({ p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length });
      } else if (command === "quit") {
        for (const ws of sockets) ws.close();
        reply({ bye: true });
        process.exit(0);
      }
    }
  }
}

async function startServer(mode: Mode): Promise<{ child: Child; ports: { ws: number; http: number; path: string } }> {
  const child = Child.spawn(["--serve", mode]);
  return { child, ports: JSON.parse(await child.line()) };
}

if (process.argv[2] === "--serve") {
  await serve(process.argv[3] ?? "gateway");
} else if (process.argv[2] === "--clients") {
  const [ws, http, path, n] = process.argv.slice(3);
  await clients(Number(ws), Number(http), path!, Number(n));
} else {
  const servers = { floor: await startServer("floor"), gateway: await startServer("gateway") };
  for (const n of SIZES) {
    const side = {} as Record<Mode, Child>;
    for (const mode of ["floor", "gateway"] as const) {
      const { ports } = servers[mode];
      side[mode] = Child.spawn(["--clients", String(ports.ws), String(ports.http), ports.path, String(n)]);
      await side[mode].line(); // ready
    }
    const turns = (i: number): Mode[] => (i % 2 === 0 ? ["floor", "gateway"] : ["gateway", "floor"]);
    for (let i = 0; i < WARMUP; i++) for (const mode of turns(i)) await side[mode].ask("warm");
    for (let i = 0; i < sequentialFor(n); i++) for (const mode of turns(i)) await side[mode].ask("seq");
    const burst = { floor: 0, gateway: 0 };
    for (let i = 0; i < 2; i++) for (const mode of turns(i)) burst[mode] += (await side[mode].ask<{ seconds: number }>("burst")).seconds;
    const floor = await side.floor.ask<{ p50: number; p99: number }>("report");
    const gateway = await side.gateway.ask<{ p50: number; p99: number }>("report");
    for (const mode of ["floor", "gateway"] as const) {
      await side[mode].ask("quit");
      await side[mode].proc.exited;
    }
    const note = `${n} clients, one attribute set, ${sequentialFor(n)} notifications per side; floor = bare Bun.serve topic publish; sides alternate per notification`;
    const rate = (seconds: number) => (2 * n * BURST) / seconds;
    figure(`fan-out p50 latency, ${n} clients`, gateway.p50, "ms", { floor: Math.round(floor.p50 * 100) / 100, note });
    figure(`fan-out p99 latency, ${n} clients`, gateway.p99, "ms", { floor: Math.round(floor.p99 * 100) / 100, note: `p99/floor = ${(gateway.p99 / floor.p99).toFixed(2)}` });
    figure(`fan-out deliveries/s, ${n} clients`, rate(burst.gateway), "msgs/s", { floor: Math.round(rate(burst.floor)), note: `2 bursts of ${BURST} notifications` });
    await Bun.sleep(300);
  }
  for (const { child } of Object.values(servers)) child.proc.kill();
  process.exit(0);
}
