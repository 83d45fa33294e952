import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { ParsedObject, ParseProblem } from "./parseManifests.ts";
import { parseManifests } from "./parseManifests.ts";

export function isHelmChart(dir: string): boolean {
  return existsSync(join(dir, "Chart.yaml"));
}

/** The helm binary: KS_HELM, else `helm` on PATH. */
export function helmBinary(env: Record<string, string | undefined> = process.env): string {
  return env.KS_HELM || "helm";
}

/**
 * Renders a chart with the real `helm template` and parses the output. Each object's source is
 * the template file named in helm's `# Source:` comment (inside the chart folder), line 1 of
 * the rendered document.
 */
export async function renderHelmChart(chartDir: string, options: { helmBinary?: string; releaseName?: string; timeoutMs?: number } = {}): Promise<{ objects: ParsedObject[]; problems: ParseProblem[] }> {
  const bin = options.helmBinary ?? helmBinary();
  const release = options.releaseName ?? basename(chartDir).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const proc = Bun.spawn([bin, "template", release, chartDir], { stdout: "pipe", stderr: "pipe", env: { ...process.env, HELM_CACHE_HOME: process.env.HELM_CACHE_HOME ?? "/tmp/ks-helm-cache" } });
  const timer = setTimeout(() => proc.kill(), options.timeoutMs ?? 60_000);
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`helm template ${chartDir} failed (${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`);
  const objects: ParsedObject[] = [];
  const problems: ParseProblem[] = [];
  // helm separates documents with "---" and names each template in a "# Source: chart/templates/x.yaml" line.
  for (const doc of stdout.split(/^---\s*$/m)) {
    const source = /^# Source: (.+)$/m.exec(doc)?.[1]?.trim();
    const file = source ? join(chartDir, source.split("/").slice(1).join("/")) : chartDir;
    const parsed = parseManifests(doc, file);
    for (const o of parsed.objects) objects.push({ object: o.object, source: { file, line: 1 } });
    problems.push(...parsed.problems);
  }
  return { objects, problems };
}
