import type { FileTree } from "../image/tree.ts";
import type { Distro, Package, PackageLocation } from "../types.ts";

export interface CatalogContext {
  tree: FileTree;
  distro?: Distro;
}

/** One package ecosystem: which files it needs and how it reads packages from them. */
export interface Cataloger {
  name: string;
  wantsContent(path: string): boolean;
  /** Needs executables probed for Go build info while layers stream. */
  probeExecutables?: boolean;
  catalog(ctx: CatalogContext): Promise<Package[]>;
}

export function locationOf(tree: FileTree, path: string): PackageLocation {
  const node = tree.file(path);
  const layerDigest = node ? tree.layerOf(node) : undefined;
  return layerDigest ? { path, layerDigest } : { path };
}

/** Parses "Key: value" blocks with indented continuation lines (dpkg, METADATA, MANIFEST.MF). */
export function parseHeaderBlock(text: string, continuationJoin = "\n"): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] += continuationJoin + line.slice(1);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return fields;
}

export function firstField(fields: Array<[string, string]>, key: string): string | undefined {
  const lower = key.toLowerCase();
  return fields.find(([k]) => k.toLowerCase() === lower)?.[1];
}
