import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSbom } from "../../../src/kubevuln/sbomBuilder.ts";
import { writeOciLayout } from "../support/dockerRegistry.ts";
import { makeTar, sha256 } from "../support/tarWriter.ts";

const dir = mkdtempSync(join(tmpdir(), "ks-local-sources-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const osRelease = { name: "etc/os-release", content: 'ID=alpine\nVERSION_ID=3.20.3\n' };
const apkDb = (pkgs: string[]) => ({ name: "lib/apk/db/installed", content: pkgs.map((p) => `P:${p.split("@")[0]}\nV:${p.split("@")[1]}\n`).join("\n") });

/** A `docker save` archive in the classic layout (<id>/layer.tar, diff_ids in the config). */
function dockerArchive(layers: Uint8Array[], diffIds = layers.map(sha256)): Uint8Array {
  const config = JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: diffIds } });
  const configName = `${sha256(new TextEncoder().encode(config)).slice(7)}.json`;
  const names = layers.map((_, i) => `layer${i}/layer.tar`);
  return makeTar([
    { name: "manifest.json", content: JSON.stringify([{ Config: configName, RepoTags: ["shop/app:2"], Layers: names }]) },
    { name: configName, content: config },
    ...layers.map((l, i) => ({ name: names[i]!, content: l })),
  ]);
}

describe("docker save archives", () => {
  test("layers are read from their byte ranges and squashed in order", async () => {
    const lower = makeTar([osRelease, apkDb(["musl@1.2.5-r0", "busybox@1.36.1-r29"])]);
    const upper = makeTar([apkDb(["musl@1.2.5-r1"])]);
    const path = join(dir, "app.tar");
    writeFileSync(path, dockerArchive([lower, upper]));
    const { sbom, stats } = await buildSbom({ kind: "archive", path });
    expect(stats.layers).toBe(2);
    expect(sbom.source.name).toBe("shop/app:2");
    expect(sbom.packages.map((p) => `${p.name}@${p.version}`)).toEqual(["musl@1.2.5-r1"]);
  });

  test("a layer that does not match its diff_id is refused", async () => {
    const layer = makeTar([osRelease]);
    const path = join(dir, "bad.tar");
    writeFileSync(path, dockerArchive([layer], [`sha256:${"1".repeat(64)}`]));
    await expect(buildSbom({ kind: "archive", path })).rejects.toThrow(/digest mismatch/);
  });

  test("not an archive of an image: named", async () => {
    const path = join(dir, "plain.tar");
    writeFileSync(path, makeTar([{ name: "hello.txt", content: "hi" }]));
    await expect(buildSbom({ kind: "archive", path })).rejects.toThrow(/no manifest\.json/);
  });
});

describe("OCI layout folders", () => {
  test("DIR:TAG picks the tagged image; an unknown tag lists the tags; a missing blob is named", async () => {
    const layout = join(dir, "layout");
    await writeOciLayout(layout, "v1", [{ bytes: gzipSync(makeTar([osRelease, apkDb(["zlib@1.3.1-r1"])])), mediaType: "application/vnd.oci.image.layer.v1.tar+gzip" }]);
    const { sbom } = await buildSbom({ kind: "oci-dir", path: `${layout}:v1` });
    expect(sbom.packages.map((p) => p.name)).toEqual(["zlib"]);
    expect(sbom.distro?.id).toBe("alpine");
    await expect(buildSbom({ kind: "oci-dir", path: `${layout}:v2` })).rejects.toThrow(/no image tagged "v2" \(tags: v1\)/);
    await expect(buildSbom({ kind: "oci-dir", path: join(dir, "nowhere") })).rejects.toThrow(/not an OCI layout folder/);
    const index = (await Bun.file(join(layout, "index.json")).json()) as { manifests: Array<{ digest: string }> };
    const manifest = (await Bun.file(join(layout, "blobs/sha256", index.manifests[0]!.digest.slice(7))).json()) as { layers: Array<{ digest: string }> };
    rmSync(join(layout, "blobs/sha256", manifest.layers[0]!.digest.slice(7)));
    await expect(buildSbom({ kind: "oci-dir", path: `${layout}:v1` })).rejects.toThrow(/is missing/);
  });
});
