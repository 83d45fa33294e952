/** A real OCI registry for tests: Debian's docker-registry on 127.0.0.1, filled through its own API. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";

export interface TestRegistry {
  host: string;
  push(repository: string, tag: string): Promise<void>;
  stop(): Promise<void>;
}

const sha256 = (bytes: Uint8Array) => `sha256:${new Bun.CryptoHasher("sha256").update(bytes).digest("hex")}`;

export async function startRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "ks-registry-"));
  const port = await freePort();
  const config = join(dir, "config.yml");
  writeFileSync(config, `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "data")}\nhttp:\n  addr: 127.0.0.1:${port}\n`);
  const proc: Started = startProcess("docker-registry", ["serve", config], join(dir, "registry.log"));
  const base = `http://127.0.0.1:${port}`;
  await waitFor("registry up", async () => (await fetch(`${base}/v2/`)).ok, 20_000, 100);

  async function pushBlob(repository: string, bytes: Uint8Array): Promise<string> {
    const digest = sha256(bytes);
    const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: "POST" });
    if (start.status !== 202) throw new Error(`upload start ${start.status}`);
    const location = new URL(start.headers.get("location")!, base);
    location.searchParams.set("digest", digest);
    const put = await fetch(location, { method: "PUT", body: bytes as Uint8Array<ArrayBuffer>, headers: { "content-type": "application/octet-stream" } });
    if (put.status !== 201) throw new Error(`blob put ${put.status}: ${await put.text()}`);
    return digest;
  }

  return {
    host: `127.0.0.1:${port}`,
    async push(repository, tag) {
      const configBytes = new TextEncoder().encode(JSON.stringify({ architecture: "amd64", os: "linux", config: { Labels: { tag } }, rootfs: { type: "layers", diff_ids: [] } }));
      const configDigest = await pushBlob(repository, configBytes);
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: configDigest, size: configBytes.length },
        layers: [],
      });
      const res = await fetch(`${base}/v2/${repository}/manifests/${tag}`, { method: "PUT", body: manifest, headers: { "content-type": "application/vnd.oci.image.manifest.v1+json" } });
      if (res.status !== 201) throw new Error(`manifest put ${res.status}: ${await res.text()}`);
    },
    stop: () => proc.stop(),
  };
}
