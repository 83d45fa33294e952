import { z } from "zod";
import { ImageContentError } from "./limits.ts";

export const MEDIA = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(", ");

const Descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/, "not a digest"),
  size: z.number().int().nonnegative().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose().optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

const IndexSchema = z.object({ schemaVersion: z.literal(2), mediaType: z.string().optional(), manifests: z.array(Descriptor) }).loose();
const ManifestSchema = z.object({ schemaVersion: z.literal(2), mediaType: z.string().optional(), config: Descriptor, layers: z.array(Descriptor) }).loose();
export type ImageIndex = z.infer<typeof IndexSchema>;
export type ImageManifest = z.infer<typeof ManifestSchema>;

export const ImageConfigSchema = z
  .object({
    architecture: z.string().optional(),
    os: z.string().optional(),
    variant: z.string().optional(),
    rootfs: z.object({ diff_ids: z.array(z.string()).default([]) }).loose().optional(),
    config: z.object({ Env: z.array(z.string()).nullish() }).loose().nullish(),
  })
  .loose();
export type ImageConfig = z.infer<typeof ImageConfigSchema>;

export type ParsedManifest = { kind: "index"; index: ImageIndex } | { kind: "manifest"; manifest: ImageManifest };

/** Decides index vs. manifest from the media type, falling back to the document's shape. */
export function parseManifest(bytes: Uint8Array, contentType: string | undefined, what: string): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ImageContentError(`${what}: manifest is not JSON`);
  }
  const mediaType = (doc as { mediaType?: string })?.mediaType ?? contentType?.split(";")[0];
  const isIndex = mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList || (mediaType === undefined && Array.isArray((doc as { manifests?: unknown })?.manifests));
  if (isIndex) {
    const r = IndexSchema.safeParse(doc);
    if (!r.success) throw new ImageContentError(`${what}: invalid image index (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message})`);
    return { kind: "index", index: r.data };
  }
  if (mediaType && mediaType.includes("manifest.v1+prettyjws")) throw new ImageContentError(`${what}: Docker schema 1 manifests are not supported`);
  const r = ManifestSchema.safeParse(doc);
  if (!r.success) throw new ImageContentError(`${what}: invalid image manifest (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message})`);
  return { kind: "manifest", manifest: r.data };
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function defaultPlatform(): Platform {
  const arch = process.arch === "x64" ? "amd64" : process.arch === "ia32" ? "386" : process.arch;
  return { os: "linux", architecture: arch };
}

export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split("/");
  if (!os || !architecture) throw new ImageContentError(`platform "${text}" is not os/arch[/variant]`);
  return { os, architecture, variant };
}

/** Picks the manifest for the platform from an index (attestation manifests are ignored). */
export function choosePlatform(index: ImageIndex, platform: Platform, what: string): Descriptor {
  const candidates = index.manifests.filter((m) => m.platform && m.platform.os === platform.os && m.platform.architecture === platform.architecture);
  const exact = candidates.find((m) => (platform.variant ? m.platform?.variant === platform.variant : true));
  const chosen = exact ?? candidates[0];
  if (!chosen) {
    const offered = index.manifests.map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}${m.platform.variant ? `/${m.platform.variant}` : ""}` : "?")).join(", ");
    throw new ImageContentError(`${what}: no manifest for platform ${platform.os}/${platform.architecture} (offered: ${offered || "none"})`);
  }
  return chosen;
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${new Bun.CryptoHasher("sha256").update(bytes).digest("hex")}`;
}

/** Layer media types we can read (all tar, possibly compressed). */
export function isTarLayer(mediaType: string | undefined): boolean {
  return mediaType === undefined || /tar/.test(mediaType);
}
