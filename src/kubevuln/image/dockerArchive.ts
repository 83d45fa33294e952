import { z } from "zod";
import { ImageContentError, ImageSourceError, type ScanLimits, LimitExceededError } from "./limits.ts";
import { ImageConfigSchema, sha256Digest } from "./manifest.ts";
import type { ImageSource, LayerRef } from "./source.ts";
import { readTar } from "./tar.ts";

const ArchiveManifest = z.array(z.object({ Config: z.string(), RepoTags: z.array(z.string()).nullish(), Layers: z.array(z.string()) }).loose()).min(1);

interface Member {
  offset: number;
  size: number;
}

/**
 * A `docker save` archive (classic layout or the newer OCI-in-tar one). The archive is indexed
 * once; each layer is then streamed straight from its byte range in the file.
 */
export async function dockerArchiveSource(path: string, limits: ScanLimits, tag?: string): Promise<ImageSource> {
  const file = Bun.file(path);
  if (!(await file.exists())) throw new ImageSourceError(`${path}: archive not found`, 404);
  const members = new Map<string, Member>();
  const small = new Map<string, Uint8Array>();
  for await (const entry of readTar(file.stream() as unknown as AsyncIterable<Uint8Array>, path)) {
    if (entry.header.type !== "file") continue;
    const name = entry.header.name.replace(/^\.\//, "");
    members.set(name, { offset: entry.header.dataOffset ?? 0, size: entry.header.size });
    if ((name === "manifest.json" || name.endsWith(".json")) && entry.header.size < 4 << 20) {
      const parts: Uint8Array[] = [];
      for await (const c of entry.body()) parts.push(c.slice());
      small.set(name, Buffer.concat(parts));
    }
  }
  const manifestBytes = small.get("manifest.json");
  if (!manifestBytes) throw new ImageContentError(`${path}: not a docker save archive (no manifest.json)`);
  const parsed = ArchiveManifest.safeParse(JSON.parse(new TextDecoder().decode(manifestBytes)));
  if (!parsed.success) throw new ImageContentError(`${path}: manifest.json is not a docker save manifest`);
  const image = tag ? parsed.data.find((m) => m.RepoTags?.includes(tag)) : parsed.data[0];
  if (!image) throw new ImageSourceError(`${path}: no image tagged ${tag}`, 404);
  if (!tag && parsed.data.length > 1) throw new ImageSourceError(`${path}: holds ${parsed.data.length} images; choose one with --tag`);
  const configBytes = small.get(image.Config);
  if (!configBytes) throw new ImageContentError(`${path}: config ${image.Config} missing from the archive`);
  const config = ImageConfigSchema.parse(JSON.parse(new TextDecoder().decode(configBytes)));
  const diffIds = config.rootfs?.diff_ids ?? [];
  let total = 0;
  const layers: LayerRef[] = image.Layers.map((name, i) => {
    const member = members.get(name);
    if (!member) throw new ImageContentError(`${path}: layer ${name} missing from the archive`);
    total += member.size;
    // blobs/sha256/<hex> names the stored bytes; classic <id>/layer.tar is uncompressed, so its diff_id is its digest
    const blob = /^blobs\/(sha256)\/([a-f0-9]{64})$/.exec(name);
    const digest = blob ? `${blob[1]}:${blob[2]}` : diffIds[i];
    return {
      digest,
      size: member.size,
      open: async () => file.slice(member.offset, member.offset + member.size).stream() as unknown as AsyncIterable<Uint8Array>,
    };
  });
  if (total > limits.maxImageBytes) throw new LimitExceededError("maxImageBytes", `${path}: image is ${total} bytes, above the ${limits.maxImageBytes}-byte limit (maxImageBytes)`);
  return { type: "archive", name: image.RepoTags?.[0] ?? path, digest: sha256Digest(configBytes), config, layers };
}
