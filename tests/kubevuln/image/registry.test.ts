import { afterAll, describe, expect, test } from "bun:test";
import { gzipSync } from "node:zlib";
import { withLimits } from "../../../src/kubevuln/image/limits.ts";
import { parseReference } from "../../../src/kubevuln/image/reference.ts";
import { registrySource } from "../../../src/kubevuln/image/registry.ts";
import { authFor, parseChallenge } from "../../../src/kubevuln/image/registryAuth.ts";
import { buildSbom } from "../../../src/kubevuln/sbomBuilder.ts";
import { type MiniRegistry, startMiniRegistry } from "../support/miniRegistry.ts";
import { makeTar } from "../support/tarWriter.ts";

const layer = gzipSync(
  makeTar([
    { name: "etc/os-release", content: 'ID=debian\nVERSION_ID="12"\n' },
    { name: "var/lib/dpkg/status", content: "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nSource: zlib\nArchitecture: amd64\n\n" },
  ]),
);
const images = [{ repository: "team/app", tag: "1.0", layers: [layer] }, { repository: "multi/app", tag: "2", layers: [layer], platforms: [{ os: "linux", architecture: "amd64" }, { os: "linux", architecture: "arm64" }] }];
const open = startMiniRegistry(images);
const basic = startMiniRegistry(images, { mode: "basic", username: "alice", password: "s3cret" });
const bearer = startMiniRegistry(images, { mode: "bearer", username: "bob", password: "hunter2" });
const redirecting = startMiniRegistry(images, { mode: "bearer", username: "bob", password: "hunter2" }, true);
const registries: MiniRegistry[] = [open, basic, bearer, redirecting];
afterAll(() => {
  for (const r of registries) r.stop();
});
const limits = withLimits({});

describe("image references", () => {
  test("docker conventions: default registry, library/, tag and digest", () => {
    expect(parseReference("nginx")).toMatchObject({ registry: "registry-1.docker.io", repository: "library/nginx", tag: "latest" });
    expect(parseReference("127.0.0.1:5000/a/b:v1")).toMatchObject({ registry: "127.0.0.1:5000", repository: "a/b", tag: "v1" });
    const d = `sha256:${"b".repeat(64)}`;
    expect(parseReference(`quay.io/x/y@${d}`)).toMatchObject({ registry: "quay.io", repository: "x/y", digest: d, tag: undefined });
    expect(() => parseReference("UPPER/case")).toThrow(/invalid repository/);
  });

  test("credentials: registrytoken, then auth (base64), then username+password, matched by server address", () => {
    const list = [
      { username: "u", password: "p", serveraddress: "https://other.io/v1/", auth: "", registrytoken: "" },
      { username: "", password: "", serveraddress: "reg.io", auth: Buffer.from("a:b").toString("base64"), registrytoken: "" },
    ];
    expect(authFor("reg.io", list)).toEqual({ kind: "basic", username: "a", password: "b" });
    expect(authFor("other.io", list)).toEqual({ kind: "basic", username: "u", password: "p" });
    expect(authFor("third.io", list)).toEqual({ kind: "anonymous" });
    expect(authFor("reg.io", [{ username: "", password: "", serveraddress: "reg.io", auth: "", registrytoken: "T" }])).toEqual({ kind: "token", token: "T" });
    expect(parseChallenge('Bearer realm="https://auth.io/token",service="registry.io",scope="repository:a:pull"')).toEqual({
      scheme: "bearer",
      params: { realm: "https://auth.io/token", service: "registry.io", scope: "repository:a:pull" },
    });
  });
});

describe("registry client", () => {
  test("anonymous pull: manifest, config, streamed layer → packages", async () => {
    const { sbom } = await buildSbom({ kind: "registry", reference: `${open.host}/team/app:1.0`, registry: { useHTTP: true } });
    expect(sbom.packages.map((p) => `${p.name}@${p.version}`)).toEqual(["zlib1g@1:1.2.13.dfsg-1"]);
    expect(sbom.source.digest).toBe(open.manifestDigest("team/app", "1.0"));
  });

  test("basic auth from the credentials list; without it a clear 401", async () => {
    const credentials = [{ username: "alice", password: "s3cret", serveraddress: basic.host, auth: "", registrytoken: "" }];
    const src = await registrySource(`${basic.host}/team/app:1.0`, { useHTTP: true, credentials }, limits);
    expect(src.layers).toHaveLength(1);
    await expect(registrySource(`${basic.host}/team/app:1.0`, { useHTTP: true }, limits)).rejects.toThrow(/requires credentials/);
  });

  test("bearer flow: token from the realm with basic credentials, then authorised pulls", async () => {
    const credentials = [{ username: "", password: "", serveraddress: bearer.host, auth: Buffer.from("bob:hunter2").toString("base64"), registrytoken: "" }];
    const { sbom } = await buildSbom({ kind: "registry", reference: `${bearer.host}/team/app:1.0`, registry: { useHTTP: true, credentials } });
    expect(sbom.packages).toHaveLength(1);
    expect(bearer.requests).toContain("GET /token");
    await expect(registrySource(`${bearer.host}/team/app:1.0`, { useHTTP: true, credentials: [{ ...credentials[0]!, auth: Buffer.from("bob:wrong").toString("base64") }] }, limits)).rejects.toThrow(/token service .* answered 401/);
  });

  test("blob redirects (pre-signed storage URLs) are followed without the registry's credentials", async () => {
    const credentials = [{ username: "bob", password: "hunter2", serveraddress: redirecting.host, auth: "", registrytoken: "" }];
    const { sbom } = await buildSbom({ kind: "registry", reference: `${redirecting.host}/team/app:1.0`, registry: { useHTTP: true, credentials } });
    expect(sbom.packages).toHaveLength(1);
    expect(redirecting.requests.some((r) => r.startsWith("GET /storage/"))).toBe(true);
  });

  test("manifest lists: the requested platform is chosen; a missing one is named", async () => {
    const src = await registrySource(`${open.host}/multi/app:2`, { useHTTP: true, platform: { os: "linux", architecture: "amd64" } }, limits);
    expect(src.layers).toHaveLength(1);
    await expect(registrySource(`${open.host}/multi/app:2`, { useHTTP: true, platform: { os: "linux", architecture: "s390x" } }, limits)).rejects.toThrow(/no manifest for platform linux\/s390x \(offered: linux\/amd64, linux\/arm64\)/);
  });

  test("a digest reference must match the manifest bytes", async () => {
    const digest = open.manifestDigest("team/app", "1.0");
    const src = await registrySource(`${open.host}/team/app@${digest}`, { useHTTP: true }, limits);
    expect(src.digest).toBe(digest);
    // the registry answers the tag's manifest for a digest it does not have → 404, named
    await expect(registrySource(`${open.host}/team/app@sha256:${"c".repeat(64)}`, { useHTTP: true }, limits)).rejects.toThrow(/answered 404/);
  });

  test("image size limit checked from the manifest before any layer is fetched", async () => {
    const before = open.requests.filter((r) => r.includes("/blobs/")).length;
    await expect(registrySource(`${open.host}/team/app:1.0`, { useHTTP: true }, withLimits({ maxImageBytes: 10 }))).rejects.toThrow(/maxImageBytes/);
    await Bun.sleep(10);
    // only the config blob was fetched
    expect(open.requests.filter((r) => r.includes("/blobs/")).length - before).toBeLessThanOrEqual(1);
  });
});
