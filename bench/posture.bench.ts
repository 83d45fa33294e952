/**
 * Posture scan speed and memory: realistic generated clusters of 1k, 10k and 50k objects,
 * scanned as a live cluster (read + JSON parse + index + every control of the framework) with AllControls and
 * NSA, each run in its own child process so its peak RSS is its own. Beside them, the floor:
 * parse 50k Deployments and run 150 trivial predicates over each.
 * Prints one JSON line per figure. Run: bun bench/posture.bench.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCluster, generateDeployments } from "./posture/generate.ts";

const SIZES = [1000, 10_000, 50_000];
const FRAMEWORKS = ["AllControls", "NSA"];
const cacheDir = join(tmpdir(), "ks-posture-bench");

function inputFile(kind: "cluster" | "deployments", size: number): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${kind}-${size}.json`);
  if (!existsSync(file)) {
    const items = kind === "cluster" ? generateCluster(size) : generateDeployments(size);
    writeFileSync(file, JSON.stringify({ apiVersion: "v1", kind: "List", items }));
  }
  return file;
}

function peakRssMiB(): number {
  // VmHWM is this process image's own peak (getrusage's maxRSS can carry the parent's peak across spawn).
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

async function child(mode: string, file: string, framework: string): Promise<void> {
  const t0 = performance.now();
  if (mode === "floor") {
    const list = JSON.parse(readFileSync(file, "utf8")) as { items: Array<Record<string, any>> };
    let hits = 0;
    for (let p = 0; p < 150; p++) {
      for (const d of list.items) {
        const c = d.spec?.template?.spec?.containers?.[0];
        if (c?.securityContext?.privileged === true || c?.name === `x${p}`) hits++;
      }
    }
    console.log(JSON.stringify({ ms: performance.now() - t0, rss: peakRssMiB(), n: list.items.length, hits }));
    return;
  }
  const { allControls } = await import("../src/kubescape/controls/index.ts");
  const { planScan } = await import("../src/kubescape/engine/selection.ts");
  const { evaluateControls } = await import("../src/kubescape/engine/evaluate.ts");
  const { parseManifests } = await import("../src/kubescape/inputs/parseManifests.ts");
  const { buildResourceIndex } = await import("../src/kubescape/engine/resourceIndex.ts");
  const { DEFAULT_CONTROL_INPUTS } = await import("../src/kubescape/engine/defaultInputs.ts");
  const { memoryGuard } = await import("../src/kubescape/engine/memoryGuard.ts");
  const tImport = performance.now();
  const plan = planScan({ frameworks: [framework] }, allControls);
  // The objects as a live-cluster listing delivers them (JSON), indexed as a cluster scan, so
  // every object-based control runs (a file scan skips the cluster-only ones).
  const objects = parseManifests(readFileSync(file, "utf8"), file).objects.map((o) => o.object);
  const index = buildResourceIndex(objects, { isLiveCluster: true });
  const tParsed = performance.now();
  const result = evaluateControls(index, plan.controls, DEFAULT_CONTROL_INPUTS, [], { frameworks: plan.frameworks, missingControlIds: plan.missingControlIds, afterControl: memoryGuard() });
  const t1 = performance.now();
  const ran = result.controls.filter((c) => c.status !== "skipped").length;
  console.log(JSON.stringify({ ms: t1 - tImport, parseMs: tParsed - tImport, evalMs: t1 - tParsed, rss: peakRssMiB(), n: result.resources.length, ran, compliance: result.complianceScore }));
}

async function runChild(args: string[], env: Record<string, string> = {}): Promise<Record<string, number>> {
  const proc = Bun.spawn([process.execPath, import.meta.path, "--child", ...args], { stdout: "pipe", stderr: "inherit", env: { ...process.env, ...env } });
  const out = await new Response(proc.stdout).text();
  await proc.exited;
  const line = out.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(line);
}

function emit(metric: string, value: number, unit: string, floor?: number, note?: string): void {
  console.log(JSON.stringify({ bench: "posture", metric, value: Math.round(value * 10) / 10, unit, ...(floor !== undefined ? { floor: Math.round(floor * 10) / 10 } : {}), ...(note ? { note } : {}) }));
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5] ?? "");
} else {
  const floor = await runChild(["floor", inputFile("deployments", 50_000), ""]);
  emit("floor: parse 50k Deployments + 150 predicates", floor.ms!, "ms", undefined, `peak RSS ${floor.rss!.toFixed(0)} MiB`);
  emit("floor: peak RSS", floor.rss!, "MiB");
  const times = new Map<string, number>();
  for (const size of SIZES) {
    const file = inputFile("cluster", size);
    for (const fw of FRAMEWORKS) {
      const r = await runChild(["scan", file, fw]);
      times.set(`${fw}/${size}`, r.ms!);
      const isBig = size === 50_000;
      emit(`scan ${size} objects, ${fw} (${r.ran} controls ran)`, r.ms!, "ms", isBig ? floor.ms : undefined, `parse ${Math.round(r.parseMs!)} ms + evaluate ${Math.round(r.evalMs!)} ms`);
      emit(`scan ${size} objects, ${fw}: peak RSS`, r.rss!, "MiB", isBig ? floor.rss : undefined);
    }
  }
  // JSC sizes its heap from the machine's RAM; telling it 256 MiB makes it collect sooner.
  const tuned = await runChild(["scan", inputFile("cluster", 50_000), "AllControls"], { BUN_JSC_forceRAMSize: String(256 * 1024 * 1024) });
  emit("scan 50000 objects, AllControls, BUN_JSC_forceRAMSize=256MiB", tuned.ms!, "ms", floor.ms);
  emit("scan 50000 objects, AllControls, BUN_JSC_forceRAMSize=256MiB: peak RSS", tuned.rss!, "MiB", floor.rss);
  // Linear growth means 5.0 from 10k to 50k objects.
  for (const fw of FRAMEWORKS) emit(`${fw}: time 50k / time 10k`, times.get(`${fw}/50000`)! / times.get(`${fw}/10000`)!, "x", undefined, "5.0 = linear");
}
