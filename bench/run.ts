/**
 * Runs the benchmarks (`bench/*.bench.ts`, or the names given), prints their JSON figures and
 * appends a dated table to docs/benchmarks.md. Usage: bun bench/run.ts [name...]
 */
import { appendFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  floor?: number;
  note?: string;
}

const root = join(import.meta.dir, "..");
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, "")))
  .sort();

const figures: Figure[] = [];
for (const file of files) {
  console.error(`== ${file}`);
  const proc = Bun.spawn([process.execPath, join(root, "bench", file)], { cwd: root, stdout: "pipe", stderr: "inherit" });
  const text = await new Response(proc.stdout).text();
  const code = await proc.exited;
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const f = JSON.parse(line) as Figure;
      figures.push(f);
      console.log(JSON.stringify(f));
    } catch {
      /* not a figure */
    }
  }
  if (code !== 0) console.error(`${file} exited with ${code}`);
}

const doc = join(root, "docs", "benchmarks.md");
if (!existsSync(doc)) writeFileSync(doc, "# Benchmarks\n\nFigures measured by `just bench` (bench/run.ts), newest run last. Nothing here is asserted by a test.\n");
const cpu = cpus()[0]?.model ?? "unknown CPU";
const lines = [
  "",
  `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${files.map((f) => f.replace(/\.bench\.ts$/, "")).join(", ")}`,
  "",
  `Machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Bun ${Bun.version}.`,
  "",
  "| bench | metric | value | unit | floor | note |",
  "|---|---|---:|---|---:|---|",
  ...figures.map((f) => `| ${f.bench} | ${f.metric} | ${fmt(f.value)} | ${f.unit} | ${f.floor === undefined ? "" : fmt(f.floor)} | ${f.note ?? ""} |`),
  "",
];
appendFileSync(doc, lines.join("\n"));
console.error(`appended ${figures.length} figures to docs/benchmarks.md`);

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}
