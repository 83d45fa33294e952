import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LimitExceededError } from "./limits.ts";

/** A kept file's content: in memory when small, otherwise in a temp file read back on demand. */
export interface Blob {
  size: number;
  read(): Promise<Uint8Array>;
  /** A slice without reading the rest (zip directories of large jars). */
  readRange(offset: number, length: number): Promise<Uint8Array>;
}

function memoryBlob(bytes: Uint8Array): Blob {
  return { size: bytes.length, read: async () => bytes, readRange: async (offset, length) => bytes.subarray(offset, offset + length) };
}

const SMALL_BYTES = 256 * 1024;
const MAX_MEMORY_BYTES = 48 * 1024 * 1024;

/**
 * Holds the contents catalogers need. Large files (jars, rpm databases) spill to a private temp
 * folder so memory stays bounded whatever the image holds; dispose() removes it.
 */
export class BlobStore {
  private dir: string | undefined;
  private memoryBytes = 0;
  private seq = 0;

  constructor(private readonly maxFileBytes: number) {}

  async store(chunks: AsyncIterable<Uint8Array>, size: number, what: string): Promise<Blob> {
    if (size > this.maxFileBytes) throw new LimitExceededError("maxFileBytes", `${what}: file of ${size} bytes exceeds the ${this.maxFileBytes}-byte limit (maxFileBytes)`);
    if (size <= SMALL_BYTES && this.memoryBytes + size <= MAX_MEMORY_BYTES) {
      const bytes = new Uint8Array(size);
      let at = 0;
      for await (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      this.memoryBytes += size;
      return memoryBlob(bytes);
    }
    this.dir ??= mkdtempSync(join(tmpdir(), "ks-blobs-"));
    const path = join(this.dir, String(this.seq++));
    const sink = Bun.file(path).writer();
    for await (const c of chunks) sink.write(c);
    await sink.end();
    return {
      size,
      read: async () => new Uint8Array(await Bun.file(path).arrayBuffer()),
      readRange: async (offset, length) => new Uint8Array(await Bun.file(path).slice(offset, offset + length).arrayBuffer()),
    };
  }

  fromBytes(bytes: Uint8Array): Blob {
    this.memoryBytes += bytes.length;
    return memoryBlob(bytes);
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
