import { lstat, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { ImageSourceError } from "./limits.ts";
import type { ImageSource } from "./source.ts";
import type { TarEntry } from "./tar.ts";

/**
 * Walks a plain root folder as if it were one layer. Uses lstat only: a symlink inside the
 * folder is recorded, never followed on the host, so links resolve inside the folder.
 */
async function* walk(root: string): AsyncGenerator<TarEntry> {
  const stack: string[] = [""];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let names: string[];
    try {
      names = await readdir(join(root, rel));
    } catch {
      continue; // unreadable folder: skipped like tar would
    }
    names.sort();
    for (const name of names) {
      const relPath = rel ? `${rel}/${name}` : name;
      const full = join(root, relPath);
      const st = await lstat(full).catch(() => undefined);
      if (!st) continue;
      if (st.isDirectory()) {
        stack.push(relPath);
        yield { header: { name: relPath, mode: st.mode & 0o7777, size: 0, type: "dir", linkName: "" }, body: async function* () {} };
      } else if (st.isSymbolicLink()) {
        yield { header: { name: relPath, mode: 0o777, size: 0, type: "symlink", linkName: await readlink(full) }, body: async function* () {} };
      } else if (st.isFile()) {
        yield {
          header: { name: relPath, mode: st.mode & 0o7777, size: st.size, type: "file", linkName: "" },
          body: async function* () {
            let left = st.size;
            for await (const chunk of Bun.file(full).stream() as unknown as AsyncIterable<Uint8Array>) {
              const piece = chunk.length > left ? chunk.subarray(0, left) : chunk;
              left -= piece.length;
              yield piece;
              if (left <= 0) break;
            }
          },
        };
      }
    }
  }
}

export async function rootfsSource(dir: string): Promise<ImageSource> {
  const st = await lstat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new ImageSourceError(`${dir}: not a folder`, 404);
  return { type: "rootfs", name: dir, layers: [], rootEntries: () => walk(dir) };
}
