import type { BlobStore } from "./blobStore.ts";
import { extractGoBuildInfo } from "./goBuildInfo.ts";
import { LimitExceededError, type ScanLimits } from "./limits.ts";
import { baseName, normaliseEntryPath, parentOf } from "./paths.ts";
import type { TarEntry } from "./tar.ts";
import type { FileTree } from "./tree.ts";

/** What the catalogers want kept: file contents by path, and executables to probe for Go build info. */
export interface FileSelector {
  wantsContent(path: string): boolean;
  probeExecutables: boolean;
}

export interface SquashContext {
  tree: FileTree;
  store: BlobStore;
  selector: FileSelector;
  limits: ScanLimits;
  counters: { entries: number };
  signal?: AbortSignal;
}

const WHITEOUT = ".wh.";
const OPAQUE = ".wh..wh..opq";
const MIN_EXECUTABLE_BYTES = 4096;

/** Applies one layer's entries over the tree (lower layers first). */
export async function applyLayer(entries: AsyncIterable<TarEntry>, layerIndex: number, what: string, ctx: SquashContext): Promise<void> {
  const { tree, store, selector, limits, counters } = ctx;
  for await (const entry of entries) {
    if (++counters.entries > limits.maxEntries) {
      throw new LimitExceededError("maxEntries", `image has more than ${limits.maxEntries} entries (maxEntries)`);
    }
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error("aborted");
    const { header } = entry;
    const path = normaliseEntryPath(header.name, what);
    if (path === undefined) continue;
    const name = baseName(path);
    if (name.startsWith(WHITEOUT)) {
      const dirKey = parentOf(path) === "/" ? "/" : tree.resolve(parentOf(path));
      if (name === OPAQUE) tree.opaque(dirKey, layerIndex);
      else tree.whiteout(tree.keyFor(`${parentOf(path)}/${name.slice(WHITEOUT.length)}`), layerIndex);
      continue;
    }
    const key = tree.keyFor(path);
    if (header.type !== "dir") tree.replaceFolder(key, layerIndex);
    switch (header.type) {
      case "symlink": {
        tree.set(key, { kind: "symlink", target: header.linkName, layer: layerIndex });
        break;
      }
      case "hardlink": {
        const target = normaliseEntryPath(header.linkName, what);
        const source = target ? tree.get(tree.keyFor(target)) : undefined;
        if (source?.kind === "file") tree.set(key, { ...source, layer: layerIndex });
        else tree.shadow(key, layerIndex);
        break;
      }
      case "file": {
        if (selector.wantsContent(key) || selector.wantsContent(path)) {
          const blob = await store.store(entry.body(), header.size, `${what}: ${path}`);
          tree.set(key, { kind: "file", mode: header.mode, size: header.size, layer: layerIndex, blob });
        } else if (selector.probeExecutables && (header.mode & 0o111) !== 0 && header.size >= MIN_EXECUTABLE_BYTES) {
          const info = await extractGoBuildInfo(entry.body());
          if (info) tree.set(key, { kind: "file", mode: header.mode, size: header.size, layer: layerIndex, blob: store.fromBytes(info), goBuildInfo: true });
          else tree.shadow(key, layerIndex);
        } else tree.shadow(key, layerIndex);
        break;
      }
      default:
        tree.shadow(key, layerIndex);
    }
  }
}
