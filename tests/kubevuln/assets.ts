/**
 * Real image content for the kubevuln integration suites and bench, built once and cached in
 * ~/.cache/ks-test-assets/kubevuln (KS_TEST_ASSETS moves the root):
 * - bookworm-root/: `debootstrap --variant=minbase bookworm` (about 1 minute, 206 MB)
 * - lang/npm/app: `npm install --prefix` of a few packages (real node_modules + lockfile)
 * - lang/py/site: `pip install --target` of requests and its dependencies (real dist-info)
 * - lang/go/bin/hello: `go build` of a program using golang.org/x/text (real build info)
 * - lang/java/lib: `mvn dependency:copy` of log4j jars from Maven Central (real jars)
 * - oci-v2/: an OCI layout made with umoci: tag `bookworm` (the root as one layer) and
 *   `bookworm-lang` (plus one layer each for npm, Python, Go and Java content).
 * Each step runs only when its result is missing. Run directly to build: `bun tests/kubevuln/assets.ts`.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const ASSETS_ROOT = join(process.env.KS_TEST_ASSETS ?? join(homedir(), ".cache", "ks-test-assets"), "kubevuln");

export interface KubevulnAssets {
  root: string;
  rootfs: string;
  npmApp: string;
  pySite: string;
  goBinary: string;
  javaLib: string;
  ociDir: string;
}

export const NPM_PACKAGES = ["lodash@4.17.20", "minimist@1.2.5", "qs@6.5.2"];
export const PY_PACKAGES = ["requests==2.25.0"];
export const MAVEN_ARTIFACTS = ["org.apache.logging.log4j:log4j-core:2.14.1", "org.apache.logging.log4j:log4j-api:2.14.1"];
const GO_MAIN = `package main

import (
\t"fmt"

\t"golang.org/x/text/language"
)

func main() { fmt.Println(language.English) }
`;

async function sh(cmd: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
  const proc = Bun.spawn(cmd, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`${cmd.join(" ")} failed (${code}): ${err.slice(-2000)}`);
  return out;
}

/** Builds into a temp folder and renames it into place, so a half-built step is never reused. */
async function step(target: string, build: (tmp: string) => Promise<void>): Promise<void> {
  if (existsSync(target)) return;
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await build(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

let building: Promise<KubevulnAssets> | undefined;

export function ensureAssets(): Promise<KubevulnAssets> {
  building ??= buildAssets();
  return building;
}

async function buildAssets(): Promise<KubevulnAssets> {
  const root = ASSETS_ROOT;
  mkdirSync(root, { recursive: true });
  const rootfs = join(root, "bookworm-root");
  await step(rootfs, async (tmp) => {
    rmSync(tmp, { recursive: true, force: true });
    await sh(["debootstrap", "--variant=minbase", "bookworm", tmp, "http://deb.debian.org/debian"]);
  });
  const npmDir = join(root, "lang", "npm");
  await step(npmDir, async (tmp) => {
    await sh(["npm", "install", "--prefix", join(tmp, "app"), "--no-audit", "--no-fund", ...NPM_PACKAGES]);
  });
  const pyDir = join(root, "lang", "py");
  await step(pyDir, async (tmp) => {
    await sh(["python3", "-m", "pip", "install", "--quiet", "--no-compile", "--disable-pip-version-check", "--target", join(tmp, "site"), ...PY_PACKAGES]);
  });
  const goDir = join(root, "lang", "go");
  await step(goDir, async (tmp) => {
    const src = join(tmp, "src");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "main.go"), GO_MAIN);
    writeFileSync(join(src, "go.mod"), "module example.com/kshello\n\ngo 1.21\n\nrequire golang.org/x/text v0.3.7\n");
    await sh(["go", "mod", "tidy"], { cwd: src });
    mkdirSync(join(tmp, "bin"));
    await sh(["go", "build", "-o", join(tmp, "bin", "hello"), "."], { cwd: src, env: { CGO_ENABLED: "0" } });
  });
  const javaDir = join(root, "lang", "java");
  await step(javaDir, async (tmp) => {
    for (const artifact of MAVEN_ARTIFACTS) await sh(["mvn", "-q", "-B", "dependency:copy", `-Dartifact=${artifact}`, `-DoutputDirectory=${join(tmp, "lib")}`]);
  });
  const ociDir = join(root, "oci-v2");
  await step(ociDir, async (tmp) => {
    rmSync(tmp, { recursive: true, force: true });
    await sh(["umoci", "init", "--layout", tmp]);
    await sh(["umoci", "new", "--image", `${tmp}:bookworm`]);
    await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:bookworm`, rootfs, "/"]);
    await sh(["umoci", "tag", "--image", `${tmp}:bookworm`, "bookworm-lang"]);
    await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:bookworm-lang`, join(npmDir, "app"), "/app"]);
    await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:bookworm-lang`, join(pyDir, "site"), "/opt/py"]);
    await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:bookworm-lang`, join(goDir, "bin", "hello"), "/usr/local/bin/hello"]);
    await sh(["umoci", "insert", "--rootless", "--image", `${tmp}:bookworm-lang`, join(javaDir, "lib"), "/opt/java/lib"]);
    await sh(["umoci", "gc", "--layout", tmp]);
  });
  return { root, rootfs, npmApp: join(npmDir, "app"), pySite: join(pyDir, "site"), goBinary: join(goDir, "bin", "hello"), javaLib: join(javaDir, "lib"), ociDir };
}

if (import.meta.main) {
  const t0 = performance.now();
  console.log(JSON.stringify(await ensureAssets(), null, 1), `${Math.round(performance.now() - t0)} ms`);
}
