import type { ImageConfig } from "./manifest.ts";
import type { TarEntry } from "./tar.ts";

/** One layer: opened lazily and read once, front to back. */
export interface LayerRef {
  digest?: string;
  mediaType?: string;
  size?: number;
  open(signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
}

/** Where an image comes from, reduced to what the reader needs. */
export interface ImageSource {
  type: "image" | "oci-dir" | "archive" | "rootfs";
  name: string;
  /** Manifest digest (image id), when the source has one. */
  digest?: string;
  config?: ImageConfig;
  layers: LayerRef[];
  /** A plain folder instead of layers: its entries, walked without following links. */
  rootEntries?: () => AsyncIterable<TarEntry>;
}
