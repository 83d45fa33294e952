import type { Blob } from "./blobStore.ts";
import { ImageContentError } from "./limits.ts";
import { baseName, joinInside, parentOf } from "./paths.ts";

export type TreeNode =
  | { kind: "file"; mode: number; size: number; layer: number; blob: Blob; goBuildInfo?: boolean }
  | { kind: "symlink"; target: string; layer: number };

const MAX_LINK_HOPS = 40;

/**
 * The squashed view of an image over only what catalogers asked for, plus every symlink (so
 * paths resolve as they would in the container). Keys are absolute paths whose parent folders
 * are already resolved; resolution never leaves the image root.
 */
export class FileTree {
  private readonly nodes = new Map<string, TreeNode>();
  /** Folders that have (or had) kept entries below them: a cheap test before a prefix scan. */
  private readonly parents = new Set<string>();
  /** Digest (or name) of each layer, by index. */
  readonly layers: string[] = [];

  get size(): number {
    return this.nodes.size;
  }

  /** Resolves symlinks in every folder of `path` (and the last part too when followLast). */
  resolve(path: string, followLast = true): string {
    let hops = 0;
    let pending = path.split("/").filter(Boolean);
    let current = "";
    while (pending.length > 0) {
      const part = pending.shift()!;
      const candidate = `${current}/${part}`;
      const node = this.nodes.get(candidate);
      if (node?.kind === "symlink" && (pending.length > 0 || followLast)) {
        if (++hops > MAX_LINK_HOPS) throw new ImageContentError(`symlink loop resolving ${path}`);
        const target = joinInside(current || "/", node.target);
        pending = [...target.split("/").filter(Boolean), ...pending];
        current = "";
        continue;
      }
      current = candidate;
    }
    return current || "/";
  }

  /** Key under which an entry at `path` is stored: folders resolved, last part as is. */
  keyFor(path: string): string {
    const parent = parentOf(path);
    const resolvedParent = parent === "/" ? "" : this.resolve(parent, true);
    return `${resolvedParent === "/" ? "" : resolvedParent}/${baseName(path)}`;
  }

  set(key: string, node: TreeNode): void {
    this.nodes.set(key, node);
    for (let i = key.lastIndexOf("/"); i > 0; i = key.lastIndexOf("/", i - 1)) {
      const dir = key.slice(0, i);
      if (this.parents.has(dir)) break;
      this.parents.add(dir);
    }
  }

  get(key: string): TreeNode | undefined {
    return this.nodes.get(key);
  }

  /** An upper layer's entry hides whatever a lower layer had at that exact path. */
  shadow(key: string, layer: number): void {
    const lower = this.nodes.get(key);
    if (lower && lower.layer < layer) this.nodes.delete(key);
  }

  /** A non-folder entry replacing a lower folder: the folder's lower content goes too. */
  replaceFolder(key: string, layer: number): void {
    if (this.parents.has(key)) this.removeBelow(`${key}/`, layer);
  }

  /** `.wh.NAME`: removes NAME and everything under it from lower layers. */
  whiteout(key: string, layer: number): void {
    this.shadow(key, layer);
    this.removeBelow(`${key}/`, layer);
  }

  /** `.wh..wh..opq`: the folder's lower-layer content disappears. */
  opaque(dirKey: string, layer: number): void {
    this.removeBelow(dirKey === "/" ? "/" : `${dirKey}/`, layer);
  }

  private removeBelow(prefix: string, layer: number): void {
    for (const [key, node] of this.nodes) if (key.startsWith(prefix) && node.layer < layer) this.nodes.delete(key);
  }

  /** The file at `path` after following symlinks, if it was kept. */
  file(path: string): Extract<TreeNode, { kind: "file" }> | undefined {
    let resolved: string;
    try {
      resolved = this.resolve(path, true);
    } catch {
      return undefined; // a symlink loop leads nowhere, as in the container
    }
    const node = this.nodes.get(resolved);
    return node?.kind === "file" ? node : undefined;
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    return this.file(path)?.blob.read();
  }

  async readText(path: string): Promise<string | undefined> {
    const bytes = await this.read(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  /** Kept regular files (not symlinks), in path order. */
  files(): Array<[string, Extract<TreeNode, { kind: "file" }>]> {
    const out: Array<[string, Extract<TreeNode, { kind: "file" }>]> = [];
    for (const [key, node] of this.nodes) if (node.kind === "file") out.push([key, node]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  layerOf(node: TreeNode): string | undefined {
    return this.layers[node.layer];
  }
}
