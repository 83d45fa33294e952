/**
 * Real images in a real registry: a debootstrap'd Debian bookworm root plus layers of real npm,
 * pip and go build output (tests/kubevuln/assets.ts, cached), pushed with skopeo into Debian's
 * docker-registry (anonymous, htpasswd and token auth). Every scan must report exactly what the
 * ecosystems' own tools (dpkg-query, npm ls, pip list, go version -m) report for that content.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { silentLogger } from "../../src/common/log.ts";
import { EventReceiverClient } from "../../src/common/reporter.ts";
import { importOsv } from "../../src/kubevuln/db/import.ts";
import { buildSbom, type ImageInput } from "../../src/kubevuln/sbomBuilder.ts";
import { ImageScanner } from "../../src/kubevuln/service/imageScanner.ts";
import { ScanQueue } from "../../src/kubevuln/service/scanQueue.ts";
import { createKubevulnApp } from "../../src/kubevuln/service/server.ts";
import { VulnDbHolder } from "../../src/kubevuln/service/vulnDbHolder.ts";
import { SHARED_DIR } from "../support/shared.ts";
import type { Sbom } from "../../src/kubevuln/types.ts";
import { ensureAssets, type KubevulnAssets, MAVEN_ARTIFACTS } from "./assets.ts";
import { pushOci, type RunningRegistry, startDockerRegistry, writeOciLayout } from "./support/dockerRegistry.ts";
import { dpkgOracle, goOracle, mavenOracle, npmOracle, pipOracle } from "./support/oracles.ts";
import { makeTar } from "./support/tarWriter.ts";

let assets: KubevulnAssets;
let open: RunningRegistry;
let basic: RunningRegistry;
let token: RunningRegistry;
// its own registry: skopeo would otherwise reuse the gzip blobs already pushed elsewhere
let zstdRegistry: RunningRegistry;
let tlsRegistry: RunningRegistry;
const work = mkdtempSync(join(tmpdir(), "ks-kubevuln-itest-"));
const oracle: Record<string, string[]> = {};

const list = (sbom: Sbom, type: string) => sbom.packages.filter((p) => p.type === type).map((p) => `${p.name}@${p.version}`).sort();
const registryInput = (reg: RunningRegistry, ref: string, withCreds = true): ImageInput => ({
  kind: "registry",
  reference: `${reg.host}/${ref}`,
  registry: { useHTTP: true, credentials: withCreds && reg.username ? [{ username: reg.username, password: reg.password!, serveraddress: reg.host, auth: "", registrytoken: "" }] : [] },
});

function expectMatchesOracles(sbom: Sbom, lang: boolean): void {
  expect(sbom.distro).toMatchObject({ id: "debian", versionId: "12", versionCodename: "bookworm" });
  expect(list(sbom, "deb")).toEqual(oracle.dpkg!);
  if (lang) {
    expect(list(sbom, "npm")).toEqual(oracle.npm!);
    expect(list(sbom, "python")).toEqual(oracle.pip!);
    expect(list(sbom, "go-module")).toEqual(oracle.go!);
    const java = sbom.packages.filter((p) => p.type === "java-archive").map((p) => `${p.metadata?.groupId}:${p.name}@${p.version}`).sort();
    expect(java).toEqual(oracle.maven!);
  }
}

beforeAll(async () => {
  assets = await ensureAssets();
  [open, basic, token, zstdRegistry, tlsRegistry] = await Promise.all([
    startDockerRegistry("none"),
    startDockerRegistry("htpasswd"),
    startDockerRegistry("token"),
    startDockerRegistry("none"),
    startDockerRegistry("none", { tls: true }),
  ]);
  await Promise.all([
    pushOci(assets.ociDir, "bookworm", open, "debian:bookworm"),
    pushOci(assets.ociDir, "bookworm-lang", open, "app:lang"),
    pushOci(assets.ociDir, "bookworm-lang", basic, "private/app:lang"),
    pushOci(assets.ociDir, "bookworm-lang", token, "secure/app:lang"),
  ]);
  await pushOci(assets.ociDir, "bookworm", tlsRegistry, "debian:bookworm");
  await pushOci(assets.ociDir, "bookworm-lang", zstdRegistry, "app:lang-zstd", ["--dest-compress-format", "zstd", "--dest-compress"]);
  oracle.dpkg = await dpkgOracle(assets.rootfs);
  oracle.npm = await npmOracle(assets.npmApp);
  oracle.pip = await pipOracle(assets.pySite);
  oracle.go = await goOracle(assets.goBinary);
  oracle.maven = mavenOracle(MAVEN_ARTIFACTS);
}, 600_000);

afterAll(async () => {
  await Promise.all([open?.stop(), basic?.stop(), token?.stop(), zstdRegistry?.stop(), tlsRegistry?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

describe("scans agree with the ecosystems' own tools", () => {
  test("oracles are not empty (the test can fail)", () => {
    expect(oracle.dpkg!.length).toBeGreaterThan(80);
    expect(oracle.npm!.length).toBeGreaterThanOrEqual(3);
    expect(oracle.pip!.length).toBeGreaterThanOrEqual(5);
    expect(oracle.go!).toContain("golang.org/x/text@v0.3.7");
  });

  test("bookworm from an anonymous registry (gzip layers) = dpkg-query", async () => {
    const { sbom, stats } = await buildSbom(registryInput(open, "debian:bookworm"));
    expectMatchesOracles(sbom, false);
    expect(stats.layers).toBe(1);
    const libc = sbom.packages.find((p) => p.name === "libc6")!;
    expect(libc.sourceName).toBe("glibc");
    expect(libc.locations[0]!.layerDigest).toStartWith("sha256:");
  });

  test("bookworm + npm/pip/go layers behind htpasswd (Basic) = dpkg-query, npm ls, pip list, go version -m", async () => {
    const { sbom, stats } = await buildSbom(registryInput(basic, "private/app:lang"));
    expect(stats.layers).toBe(5);
    expectMatchesOracles(sbom, true);
    await expect(buildSbom(registryInput(basic, "private/app:lang", false))).rejects.toThrow(/requires credentials|401/);
  });

  test("bearer-token flow against the registry's token auth", async () => {
    const { sbom } = await buildSbom(registryInput(token, "secure/app:lang"));
    expectMatchesOracles(sbom, true);
    const wrong: ImageInput = { kind: "registry", reference: `${token.host}/secure/app:lang`, registry: { useHTTP: true, credentials: [{ username: "ks-user", password: "nope", serveraddress: token.host, auth: "", registrytoken: "" }] } };
    await expect(buildSbom(wrong)).rejects.toThrow(/token service .* 401/);
  });

  test("HTTPS with a self-signed certificate: refused by default, read with skipTLSVerify", async () => {
    const reference = `${tlsRegistry.host}/debian:bookworm`;
    await expect(buildSbom({ kind: "registry", reference, registry: {} })).rejects.toThrow(/cannot reach registry|certificate|self.signed/i);
    const { sbom } = await buildSbom({ kind: "registry", reference, registry: { skipTLSVerify: true } });
    expectMatchesOracles(sbom, false);
  });

  test("zstd-compressed layers (skopeo --dest-compress-format zstd) give the same packages", async () => {
    const manifest = (await (await fetch(`http://${zstdRegistry.host}/v2/app/manifests/lang-zstd`, { headers: { accept: "application/vnd.oci.image.manifest.v1+json" } })).json()) as { layers: Array<{ mediaType: string }> };
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(Array(5).fill("application/vnd.oci.image.layer.v1.tar+zstd"));
    const { sbom } = await buildSbom(registryInput(zstdRegistry, "app:lang-zstd"));
    expectMatchesOracles(sbom, true);
  });

  test("the same image as an OCI layout folder, a docker-archive and a plain root", async () => {
    const archive = join(work, "lang.tar");
    const sk = Bun.spawnSync(["skopeo", "copy", "--quiet", `oci:${assets.ociDir}:bookworm-lang`, `docker-archive:${archive}:app:lang`]);
    expect(sk.exitCode).toBe(0);
    expectMatchesOracles((await buildSbom({ kind: "oci-dir", path: `${assets.ociDir}:bookworm-lang` })).sbom, true);
    expectMatchesOracles((await buildSbom({ kind: "archive", path: archive })).sbom, true);
    expectMatchesOracles((await buildSbom({ kind: "rootfs", path: assets.rootfs })).sbom, false);
  });
});

describe("the kubevuln service against the real registry", () => {
  test("scanImage with credentialsList: results for the image's real packages reach the event receiver", async () => {
    const received: Array<{ path: string; body: Record<string, unknown> }> = [];
    const receiver = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      async fetch(req) {
        received.push({ path: new URL(req.url).pathname, body: (await req.json()) as Record<string, unknown> });
        return new Response("ok");
      },
    });
    const dbDir = mkdtempSync(join(work, "db-"));
    await importOsv([join(SHARED_DIR, "vulndb/osv")], join(dbDir, "db.sqlite"));
    const holder = new VulnDbHolder({ path: join(dbDir, "db.sqlite"), download: false }, silentLogger);
    const reporter = new EventReceiverClient({ baseUrl: `http://127.0.0.1:${receiver.port}`, logger: silentLogger });
    const scanner = new ImageScanner({ db: holder, reporter, accountId: "acct", clusterName: "c1", logger: silentLogger });
    const queue = new ScanQueue(1, 10);
    const { app, health } = createKubevulnApp({ logger: silentLogger, scanner, queue });
    expect(await holder.tryLoad()).toBe(true);
    health.setReady();
    const body = {
      imageTag: `${basic.host}/private/app:lang`,
      wlid: "wlid://cluster-c1/namespace-shop/deployment-web",
      containerName: "web",
      jobID: "job-real",
      credentialsList: [{ username: basic.username, password: basic.password, serveraddress: basic.host }],
      args: { useHTTP: true },
    };
    const res = await app.handle(new Request("http://localhost/v1/scanImage", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    expect(res.status).toBe(200);
    await queue.idle();
    await reporter.flush();
    receiver.stop(true);
    holder.close();
    const vulns = received.filter((r) => r.path === "/k8s/v2/containerScan").flatMap((r) => r.body.vulnerabilities as Array<{ name: string; packageName: string; packageVersion: string }>);
    // minimist 1.2.5 from the real npm layer is affected by CVE-2021-44906 in the shared advisories
    expect(vulns.some((v) => v.packageName === "minimist" && v.packageVersion === "1.2.5" && v.name === "CVE-2021-44906")).toBe(true);
    // log4j-core 2.14.1 from the real Maven jar: Log4Shell
    expect(vulns.some((v) => v.packageName === "log4j-core" && v.name === "CVE-2021-44228")).toBe(true);
    expect(received.filter((r) => r.path === "/k8s/sysreport").map((r) => r.body.status)).toEqual(["started", "in progress", "success", "done"]);
  });
});

describe("hostile and damaged images in a real registry", () => {
  async function pushHandMade(name: string, layers: Array<{ bytes: Uint8Array; mediaType: string }>) {
    const dir = join(work, name);
    await writeOciLayout(dir, "1", layers);
    await pushOci(dir, "1", open, `hostile/${name}:1`);
    return registryInput(open, `hostile/${name}:1`);
  }
  const gz = "application/vnd.oci.image.layer.v1.tar+gzip";

  test("path traversal in a layer is refused", async () => {
    const input = await pushHandMade("traversal", [{ bytes: gzipSync(makeTar([{ name: "../../../tmp/ks-evil", content: "x" }])), mediaType: gz }]);
    await expect(buildSbom(input)).rejects.toThrow(/path traversal refused/);
  });

  test("symlinks escaping the root resolve inside the image, never to the host", async () => {
    const input = await pushHandMade("symlink", [
      {
        bytes: gzipSync(
          makeTar([
            { name: "var/lib/dpkg/status", type: "symlink", linkName: "../../../../../../../var/lib/dpkg/status" },
            { name: "etc/os-release", type: "symlink", linkName: "/../../etc/os-release" },
          ]),
        ),
        mediaType: gz,
      },
    ]);
    const { sbom } = await buildSbom(input);
    // the host (a Debian machine) has both files; the image has neither
    expect(sbom.packages).toEqual([]);
    expect(sbom.distro).toBeUndefined();
  });

  test("a gzip bomb stops at the decompression-ratio limit", async () => {
    const zeros = makeTar([{ name: "data/zeros", content: new Uint8Array(96 * 1024 * 1024) }]);
    const input = await pushHandMade("bomb", [{ bytes: gzipSync(zeros, { level: 9 }), mediaType: gz }]);
    await expect(buildSbom(input)).rejects.toThrow(/decompression ratio above 200:1/);
  });

  test("a truncated layer and a layer whose bytes do not match its digest are refused", async () => {
    const layer = gzipSync(makeTar([{ name: "etc/os-release", content: `ID=debian\n${"#".repeat(200_000)}\n` }]));
    const truncated = await pushHandMade("truncated", [{ bytes: layer, mediaType: gz }]);
    const corrupt = await pushHandMade("corrupt", [{ bytes: layer.slice(), mediaType: gz }]);
    const hex = new Bun.CryptoHasher("sha256").update(layer).digest("hex");
    const blob = join(open.storage, "docker/registry/v2/blobs/sha256", hex.slice(0, 2), hex, "data");
    // damage the stored blob behind the registry's back
    const bytes = new Uint8Array(await Bun.file(blob).arrayBuffer());
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(blob, bytes);
    await expect(buildSbom(corrupt)).rejects.toThrow(/digest mismatch|corrupt/);
    truncateSync(blob, Math.floor(bytes.length / 2));
    await expect(buildSbom(truncated)).rejects.toThrow(/truncated|digest mismatch|corrupt/);
  });
});
