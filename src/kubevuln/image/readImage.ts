import { BlobStore } from "./blobStore.ts";
import { type ByteBudget, decompressedLayer } from "./layerStream.ts";
import { LimitExceededError, type ScanLimits } from "./limits.ts";
import type { ImageSource } from "./source.ts";
import { applyLayer, type FileSelector } from "./squash.ts";
import { readTar } from "./tar.ts";
import { FileTree } from "./tree.ts";

export interface ImageView {
  tree: FileTree;
  store: BlobStore;
  /** Layer digests, lowest first. */
  layers: string[];
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

/** A signal that fires on the caller's abort or when the time limit passes, with a clear reason. */
export function scanSignal(limits: ScanLimits, outer?: AbortSignal): AbortSignal & { dispose(): void } {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new LimitExceededError("timeoutMs", `scan took longer than ${limits.timeoutMs} ms (timeoutMs)`)), limits.timeoutMs);
  (timer as { unref?: () => void }).unref?.();
  const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
  // a long-running service scans many images: drop each timer when its scan ends
  return Object.assign(signal, { dispose: () => clearTimeout(timer) });
}

/**
 * Ends a read that stalls once the signal fires (a slow source cannot outlive the time limit).
 * One listener per read, removed right after: racing every read against one long-lived promise
 * would keep every chunk reachable until the scan ends.
 */
async function* abortable(source: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  if (!signal) return yield* source;
  const it = source[Symbol.asyncIterator]();
  const reason = () => (signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  try {
    for (;;) {
      signal.throwIfAborted();
      const next = await new Promise<IteratorResult<Uint8Array>>((resolve, reject) => {
        const onAbort = () => reject(reason());
        signal.addEventListener("abort", onAbort, { once: true });
        it.next().then(
          (v) => {
            signal.removeEventListener("abort", onAbort);
            resolve(v);
          },
          (e) => {
            signal.removeEventListener("abort", onAbort);
            reject(e);
          },
        );
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void it.return?.()?.catch?.(() => {});
  }
}

/** Streams every layer once, lowest first, keeping only what the selector asks for. */
export async function readImage(source: ImageSource, selector: FileSelector, limits: ScanLimits, signal?: AbortSignal): Promise<ImageView> {
  const tree = new FileTree();
  const store = new BlobStore(limits.maxFileBytes);
  const budget: ByteBudget = { compressed: 0, uncompressed: 0 };
  const counters = { entries: 0 };
  const ctx = { tree, store, selector, limits, counters, signal };
  try {
    if (source.rootEntries) {
      tree.layers.push(source.name);
      await applyLayer(source.rootEntries(), 0, source.name, ctx);
      signal?.throwIfAborted();
    }
    for (const [i, layer] of source.layers.entries()) {
      signal?.throwIfAborted();
      const what = `layer ${layer.digest ?? i}`;
      tree.layers.push(layer.digest ?? `layer-${i}`);
      const raw = await layer.open(signal);
      const bytes = decompressedLayer(abortable(raw, signal), { digest: layer.digest, what, limits, budget });
      await applyLayer(readTar(bytes, what), i, what, ctx);
    }
  } catch (err) {
    store.dispose();
    if (signal?.aborted && signal.reason instanceof Error) throw signal.reason;
    throw err;
  }
  return { tree, store, layers: tree.layers, entries: counters.entries, compressedBytes: budget.compressed, uncompressedBytes: budget.uncompressed };
}
