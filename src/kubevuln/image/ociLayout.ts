import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ImageContentError, ImageSourceError, LimitExceededError, type ScanLimits } from "./limits.ts";
import { choosePlatform, defaultPlatform, ImageConfigSchema, isTarLayer, type Platform, parseManifest, sha256Digest } from "./manifest.ts";
import type { ImageSource, LayerRef } from "./source.ts";

const REF_NAME = "org.opencontainers.image.ref.name";

/** "DIR" or "DIR:TAG" (skopeo's oci: syntax) → folder and optional tag. */
export function splitLayoutArg(arg: string): { dir: string; tag?: string } {
  if (existsSync(join(arg, "index.json"))) return { dir: arg };
  const colon = arg.lastIndexOf(":");
  if (colon > 0 && existsSync(join(arg.slice(0, colon), "index.json"))) return { dir: arg.slice(0, colon), tag: arg.slice(colon + 1) };
  throw new ImageSourceError(`${arg}: not an OCI layout folder (no index.json)`);
}

function blobPath(dir: string, digest: string): string {
  const [alg, hex] = digest.split(":");
  if (!alg || !hex || !/^[a-z0-9]+$/.test(alg) || !/^[a-f0-9]+$/.test(hex)) throw new ImageContentError(`invalid digest ${digest}`);
  return join(dir, "blobs", alg, hex);
}

async function readBlob(dir: string, digest: string, maxBytes: number): Promise<Uint8Array> {
  const path = blobPath(dir, digest);
  if (!existsSync(path)) throw new ImageContentError(`${dir}: blob ${digest} is missing`);
  if (statSync(path).size > maxBytes) throw new ImageContentError(`${dir}: blob ${digest} is too large for a manifest or config`);
  const bytes = new Uint8Array(await Bun.file(path).arrayBuffer());
  if (digest.startsWith("sha256:") && sha256Digest(bytes) !== digest) throw new ImageContentError(`${dir}: blob ${digest}: digest mismatch`);
  return bytes;
}

/** An OCI image layout folder (what `skopeo copy … oci:DIR:TAG` and umoci write). */
export async function ociLayoutSource(arg: string, limits: ScanLimits, platform: Platform = defaultPlatform()): Promise<ImageSource> {
  const { dir, tag } = splitLayoutArg(arg);
  const indexBytes = new Uint8Array(await Bun.file(join(dir, "index.json")).arrayBuffer());
  const index = parseManifest(indexBytes, undefined, `${dir}/index.json`);
  if (index.kind !== "index") throw new ImageContentError(`${dir}/index.json is not an image index`);
  const named = tag ? index.index.manifests.filter((m) => m.annotations?.[REF_NAME] === tag) : index.index.manifests;
  if (named.length === 0) throw new ImageSourceError(`${dir}: no image tagged "${tag}" (tags: ${index.index.manifests.map((m) => m.annotations?.[REF_NAME] ?? "?").join(", ")})`, 404);
  if (!tag && named.length > 1 && !named.every((m) => m.platform)) throw new ImageSourceError(`${dir}: holds ${named.length} images; name one as DIR:TAG`);
  let descriptor = named.length === 1 ? named[0]! : choosePlatform({ schemaVersion: 2, manifests: named }, platform, dir);
  const topDigest = descriptor.digest;
  let parsed = parseManifest(await readBlob(dir, descriptor.digest, 4 << 20), descriptor.mediaType, dir);
  if (parsed.kind === "index") {
    descriptor = choosePlatform(parsed.index, platform, dir);
    parsed = parseManifest(await readBlob(dir, descriptor.digest, 4 << 20), descriptor.mediaType, dir);
    if (parsed.kind !== "manifest") throw new ImageContentError(`${dir}: nested image index is not supported`);
  }
  const manifest = parsed.manifest;
  const config = ImageConfigSchema.parse(JSON.parse(new TextDecoder().decode(await readBlob(dir, manifest.config.digest, 4 << 20))));
  const total = manifest.layers.reduce((n, l) => n + (l.size ?? 0), 0);
  if (total > limits.maxImageBytes) throw new LimitExceededError("maxImageBytes", `${dir}: image is ${total} bytes, above the ${limits.maxImageBytes}-byte limit (maxImageBytes)`);
  const layers: LayerRef[] = manifest.layers.map((l) => {
    if (!isTarLayer(l.mediaType)) throw new ImageContentError(`${dir}: unsupported layer media type ${l.mediaType}`);
    const path = blobPath(dir, l.digest);
    return {
      digest: l.digest,
      mediaType: l.mediaType,
      size: l.size,
      open: async () => {
        if (!existsSync(path)) throw new ImageContentError(`${dir}: layer ${l.digest} is missing`);
        return Bun.file(path).stream() as unknown as AsyncIterable<Uint8Array>;
      },
    };
  });
  return { type: "oci-dir", name: tag ? `${dir}:${tag}` : dir, digest: topDigest, config, layers };
}
