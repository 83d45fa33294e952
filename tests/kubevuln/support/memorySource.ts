import type { ImageSource } from "../../../src/kubevuln/image/source.ts";
import { sha256, streamOf } from "./tarWriter.ts";

/** An in-memory image: each layer's stored bytes (compressed or not) with its real digest. */
export function memoryImage(layers: Uint8Array[], digests?: Array<string | undefined>): ImageSource {
  return {
    type: "image",
    name: "memory/test:1",
    layers: layers.map((bytes, i) => ({ digest: digests ? digests[i] : sha256(bytes), size: bytes.length, open: async () => streamOf(bytes, 4096) })),
  };
}
