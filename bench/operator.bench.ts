/**
 * Operator: `POST /v1/triggerAction` requests/s (parse, validate, queue, 200 ok) and how fast the
 * worker pool (3 workers) drains kubescapeScan jobs against an instant stand-in kubescape.
 * The operator runs in its own process; the load generator keeps 32 requests in flight.
 *
 * Usage: bun bench/operator.bench.ts
 */
import { KubeConfig } from "../src/common/kube.ts";
import { silentLogger } from "../src/common/log.ts";
import { startOperator } from "../src/operator/service.ts";

const REQUESTS = 20_000;
const IN_FLIGHT = 32;

function figure(metric: string, value: number, unit: string, note?: string) {
  console.log(JSON.stringify({ bench: "operator", metric, value: Math.round(value), unit, ...(note ? { note } : {}) }));
}

async function serve(): Promise<void> {
  let done = 0;
  const kubescape = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch(req) {
      if (new URL(req.url).pathname === "/v1/scan") done++;
      if (new URL(req.url).pathname === "/done") return new Response(String(done));
      return Response.json({ id: "x", type: "notBusy" });
    },
  });
  // No API server here: the recurring mirror logs that it cannot list and the REST path runs on.
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: "none", server: "https://127.0.0.1:1", skipTLSVerify: true }], users: [{ name: "u", token: "t" }], contexts: [{ name: "c", cluster: "none", user: "u" }], currentContext: "c" });
  const op = await startOperator({
    logger: silentLogger,
    kube: kc,
    namespace: "bench",
    clusterName: "bench",
    accountID: "bench",
    kubescapeURL: `http://127.0.0.1:${kubescape.port}`,
    kubevulnURL: `http://127.0.0.1:${kubescape.port}`,
    recurringScheduler: "cronjob",
    port: 0,
    hostname: "127.0.0.1",
    queueLimit: REQUESTS * 2,
    handleSignals: false,
    resyncMs: 3_600_000,
  });
  console.log(JSON.stringify({ operator: op.port, kubescape: kubescape.port }));
  await new Promise(() => {});
}

if (process.argv[2] === "--serve") {
  await serve();
} else {
  const proc = Bun.spawn([process.execPath, import.meta.path, "--serve"], { stdout: "pipe", stderr: "inherit" });
  const reader = proc.stdout.getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("operator exited");
    text += new TextDecoder().decode(value);
  }
  const ports = JSON.parse(text.split("\n")[0]!) as { operator: number; kubescape: number };
  const url = `http://127.0.0.1:${ports.operator}/v1/triggerAction`;
  const body = JSON.stringify({ commands: [{ commandName: "kubescapeScan", args: { scanV1: { targetType: "Framework", targetNames: ["nsa"] } } }] });
  const post = () => fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } }).then((r) => r.text());
  for (let i = 0; i < 200; i++) await post(); // warm-up
  const start = performance.now();
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next++ < REQUESTS) if ((await post()) !== "ok") failures++;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  figure("triggerAction requests/s", REQUESTS / seconds, "ops/s", `${IN_FLIGHT} in flight, kubescapeScan command; ${failures} non-ok replies`);
  const doneUrl = `http://127.0.0.1:${ports.kubescape}/done`;
  const total = REQUESTS + 200;
  while (Number(await (await fetch(doneUrl)).text()) < total) await Bun.sleep(20);
  const drained = (performance.now() - start) / 1000;
  figure("kubescapeScan jobs completed/s (3 workers)", total / drained, "ops/s", "queue drained against an instant stand-in kubescape, from the first timed request");
  proc.kill();
  await proc.exited;
  process.exit(0);
}
