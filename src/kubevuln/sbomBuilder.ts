import { CATALOGERS, catalogTree, selectorFor } from "./catalog/registry.ts";
import { dockerArchiveSource } from "./image/dockerArchive.ts";
import { type ScanLimits, withLimits } from "./image/limits.ts";
import { defaultPlatform, type Platform } from "./image/manifest.ts";
import { ociLayoutSource } from "./image/ociLayout.ts";
import { readImage, scanSignal } from "./image/readImage.ts";
import { type RegistryOptions, registrySource } from "./image/registry.ts";
import { rootfsSource } from "./image/rootfs.ts";
import type { ImageSource } from "./image/source.ts";
import type { Sbom } from "./types.ts";

/** What to scan: a registry reference or one of the local forms. */
export type ImageInput =
  | { kind: "registry"; reference: string; registry?: Omit<RegistryOptions, "signal" | "platform"> }
  | { kind: "oci-dir"; path: string }
  | { kind: "archive"; path: string; tag?: string }
  | { kind: "rootfs"; path: string };

export interface SbomOptions {
  limits?: Partial<ScanLimits>;
  platform?: Platform;
  signal?: AbortSignal;
}

export interface SbomStats {
  layers: number;
  entries: number;
  keptFiles: number;
  compressedBytes: number;
  uncompressedBytes: number;
  durationMs: number;
}

export async function openSource(input: ImageInput, limits: ScanLimits, platform: Platform, signal: AbortSignal): Promise<ImageSource> {
  switch (input.kind) {
    case "registry":
      return registrySource(input.reference, { ...input.registry, platform, signal }, limits);
    case "oci-dir":
      return ociLayoutSource(input.path, limits, platform);
    case "archive":
      return dockerArchiveSource(input.path, limits, input.tag);
    case "rootfs":
      return rootfsSource(input.path);
  }
}

/** Reads the image once (streamed, squashed) and catalogs it: the SBOM and how much was read. */
export async function buildSbom(input: ImageInput, options: SbomOptions = {}): Promise<{ sbom: Sbom; stats: SbomStats }> {
  const started = performance.now();
  const limits = withLimits(options.limits);
  const signal = scanSignal(limits, options.signal);
  let view: Awaited<ReturnType<typeof readImage>>;
  let source: ImageSource;
  try {
    source = await openSource(input, limits, options.platform ?? defaultPlatform(), signal);
    view = await readImage(source, selectorFor(CATALOGERS), limits, signal);
  } finally {
    signal.dispose();
  }
  try {
    const { distro, packages } = await catalogTree(view.tree, CATALOGERS);
    const sbom: Sbom = {
      source: { type: source.type, name: source.name, ...(source.digest ? { digest: source.digest } : {}), ...(source.layers.length ? { layers: view.layers } : {}) },
      ...(distro ? { distro } : {}),
      packages,
    };
    return {
      sbom,
      stats: {
        layers: source.layers.length,
        entries: view.entries,
        keptFiles: view.tree.size,
        compressedBytes: view.compressedBytes,
        uncompressedBytes: view.uncompressedBytes,
        durationMs: Math.round(performance.now() - started),
      },
    };
  } finally {
    view.store.dispose();
  }
}
