/**
 * A real OCI registry on loopback (Debian's docker-registry) holding the sample images: a Debian
 * bookworm root from debootstrap, and the same with real npm, Python, Go and Java content.
 */
import { ensureAssets } from "../../tests/kubevuln/assets.ts";
import { pushOci, type RunningRegistry, startDockerRegistry } from "../../tests/kubevuln/support/dockerRegistry.ts";

export interface SampleRegistry {
  host: string;
  /** `host/repo:tag` → manifest digest */
  digests: Record<string, string>;
  stop(): Promise<void>;
}

async function manifestDigest(registry: RunningRegistry, image: string): Promise<string> {
  const [repo, tag] = image.split(":");
  const res = await fetch(`http://${registry.host}/v2/${repo}/manifests/${tag}`, {
    method: "HEAD",
    headers: { accept: "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json" },
  });
  return res.headers.get("docker-content-digest") ?? "";
}

/** Starts the registry and pushes each image: Debian bookworm plus the npm, Python, Go and Java layers. */
export async function startSampleRegistry(images: string[]): Promise<SampleRegistry> {
  const assets = await ensureAssets();
  const registry = await startDockerRegistry("none");
  const digests: Record<string, string> = {};
  try {
    for (const image of images) {
      await pushOci(assets.ociDir, "bookworm-lang", registry, image);
      digests[`${registry.host}/${image}`] = await manifestDigest(registry, image);
    }
  } catch (err) {
    await registry.stop();
    throw err;
  }
  return { host: registry.host, digests, stop: () => registry.stop() };
}
