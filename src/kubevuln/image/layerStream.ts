import { ImageContentError, LimitExceededError, type ScanLimits } from "./limits.ts";

const GC_EVERY_BYTES = 16 * 1024 * 1024;

export type Compression = "gzip" | "zstd" | "none";

/** Running totals shared by all layers of one scan. */
export interface ByteBudget {
  compressed: number;
  uncompressed: number;
}

/** Guesses the compression from magic bytes (media types lie often enough, e.g. "tar" for gzip). */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return "zstd";
  return "none";
}

/** Passes bytes through while hashing and counting; verifies the digest at the end. */
async function* verified(source: AsyncIterable<Uint8Array>, expectedDigest: string | undefined, what: string, limits: ScanLimits, budget: ByteBudget, counter: { n: number }): AsyncGenerator<Uint8Array> {
  const algorithm = expectedDigest?.split(":")[0];
  const hasher = algorithm === "sha256" || algorithm === "sha512" ? new Bun.CryptoHasher(algorithm) : undefined;
  for await (const chunk of source) {
    counter.n += chunk.length;
    budget.compressed += chunk.length;
    if (budget.compressed > limits.maxImageBytes) throw new LimitExceededError("maxImageBytes", `image is larger than the ${limits.maxImageBytes}-byte limit (maxImageBytes)`);
    hasher?.update(chunk);
    yield chunk;
  }
  if (hasher && expectedDigest) {
    const actual = `${algorithm}:${hasher.digest("hex")}`;
    if (actual !== expectedDigest) throw new ImageContentError(`${what}: digest mismatch (expected ${expectedDigest}, got ${actual})`);
  }
}

function toReadable(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** Re-chunks the first bytes so the compression can be sniffed without losing them. */
async function peek(source: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const rest = (async function* () {
    if (head.length > 0) yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  })();
  return { head, rest };
}

/**
 * Compressed layer bytes → verified → decompressed → counted against the size and ratio limits.
 * Nothing is buffered beyond the decompressor's own window.
 */
export async function* decompressedLayer(
  source: AsyncIterable<Uint8Array>,
  options: { digest?: string; what: string; limits: ScanLimits; budget: ByteBudget },
): AsyncGenerator<Uint8Array> {
  const { limits, budget, what } = options;
  const compressedCount = { n: 0 };
  const checked = verified(source, options.digest, what, limits, budget, compressedCount);
  const { head, rest } = await peek(checked);
  const compression = sniffCompression(head);
  let output: AsyncIterable<Uint8Array>;
  if (compression === "none") output = rest;
  else {
    const decompressor = new DecompressionStream(compression as CompressionFormat) as unknown as TransformStream<Uint8Array, Uint8Array>;
    output = toReadable(rest).pipeThrough(decompressor) as unknown as AsyncIterable<Uint8Array>;
  }
  let produced = 0;
  let sinceCollect = 0;
  try {
    for await (const chunk of output) {
      produced += chunk.length;
      sinceCollect += chunk.length;
      // Decompressed chunks are large native buffers the collector is slow to notice; nudging it
      // keeps peak memory flat however big the image is.
      if (sinceCollect > GC_EVERY_BYTES) {
        sinceCollect = 0;
        Bun.gc(true);
      }
      budget.uncompressed += chunk.length;
      if (budget.uncompressed > limits.maxUncompressedBytes) {
        throw new LimitExceededError("maxUncompressedBytes", `${what}: image expands beyond the ${limits.maxUncompressedBytes}-byte limit (maxUncompressedBytes)`);
      }
      if (compression !== "none" && produced > limits.ratioGraceBytes && produced > compressedCount.n * limits.maxCompressionRatio) {
        throw new LimitExceededError(
          "maxCompressionRatio",
          `${what}: decompression ratio above ${limits.maxCompressionRatio}:1 (${produced} bytes from ${compressedCount.n}); refusing a likely decompression bomb`,
        );
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof LimitExceededError || err instanceof ImageContentError) throw err;
    throw new ImageContentError(`${what}: cannot decompress ${compression} layer (${(err as Error).message || String(err)}); truncated or corrupt`);
  }
}
