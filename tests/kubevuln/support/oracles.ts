/** What the ecosystems' own tools report for the same content: the reference the scans must match. */
import { join } from "node:path";

async function run(cmd: string[], cwd?: string): Promise<string> {
  const p = Bun.spawn(cmd, { cwd, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  if (code !== 0) throw new Error(`${cmd.join(" ")} failed (${code}): ${err.slice(-500)}`);
  return out;
}

/** `dpkg-query -W` against the root's own database: installed packages as name@version. */
export async function dpkgOracle(root: string): Promise<string[]> {
  const out = await run(["dpkg-query", `--admindir=${join(root, "var/lib/dpkg")}`, "-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Version}\n"]);
  return out
    .split("\n")
    .filter((l) => l.startsWith("ii"))
    .map((l) => {
      const [, name, version] = l.split("\t");
      return `${name}@${version}`;
    })
    .sort();
}

interface NpmTree {
  version?: string;
  dependencies?: Record<string, NpmTree>;
}

/** `npm ls --all --json`: every installed package in the tree, deduplicated. */
export async function npmOracle(appDir: string): Promise<string[]> {
  const tree = JSON.parse(await run(["npm", "ls", "--all", "--json", "--prefix", appDir])) as NpmTree;
  const out = new Set<string>();
  const walk = (deps: Record<string, NpmTree> | undefined) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      if (d.version) out.add(`${name}@${d.version}`);
      walk(d.dependencies);
    }
  };
  walk(tree.dependencies);
  return [...out].sort();
}

/** `pip list --path`: distributions installed in a --target folder (PEP 503 names). */
export async function pipOracle(siteDir: string): Promise<string[]> {
  const list = JSON.parse(await run(["python3", "-m", "pip", "list", "--disable-pip-version-check", "--path", siteDir, "--format", "json"])) as Array<{ name: string; version: string }>;
  return list.map((p) => `${p.name.toLowerCase().replace(/[-_.]+/g, "-")}@${p.version}`).sort();
}

/** `go version -m`: main module, dependencies (after replacements) and the toolchain as stdlib. */
export async function goOracle(binary: string): Promise<string[]> {
  const out = await run(["go", "version", "-m", binary]);
  const lines = out.split("\n");
  const goVersion = lines[0]!.split(": ")[1]!.trim();
  const pkgs: string[] = [`stdlib@${goVersion}`];
  for (const line of lines.slice(1)) {
    const [, kind, path, version] = line.split("\t");
    if (kind === "mod" || kind === "dep") pkgs.push(`${path}@${version}`);
    else if (kind === "=>") pkgs[pkgs.length - 1] = `${path}@${version}`;
  }
  return pkgs.sort();
}

/** The Maven coordinates `mvn dependency:copy` fetched (group:artifact:version → group:artifact@version). */
export function mavenOracle(artifacts: string[]): string[] {
  return artifacts.map((a) => {
    const [group, artifact, version] = a.split(":");
    return `${group}:${artifact}@${version}`;
  }).sort();
}
