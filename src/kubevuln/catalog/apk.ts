import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

const INSTALLED = "/lib/apk/db/installed";

export interface ApkEntry {
  name: string;
  version: string;
  architecture?: string;
  origin?: string;
  license?: string;
}

/** apk's installed database: one letter per field ("P:name"), records split by blank lines. */
export function parseApkInstalled(text: string): ApkEntry[] {
  const out: ApkEntry[] = [];
  for (const record of text.split(/\n\s*\n/)) {
    const f: Record<string, string> = {};
    for (const line of record.split("\n")) {
      if (line.length > 2 && line[1] === ":" && !(line[0]! in f)) f[line[0]!] = line.slice(2);
    }
    if (f.P && f.V) out.push({ name: f.P, version: f.V, architecture: f.A, origin: f.o, license: f.L });
  }
  return out;
}

export const apkCataloger: Cataloger = {
  name: "apk",
  wantsContent: (path) => path === INSTALLED,
  async catalog({ tree, distro }) {
    const text = await tree.readText(INSTALLED);
    if (text === undefined) return [];
    return parseApkInstalled(text).map(
      (e): Package => ({
        name: e.name,
        version: e.version,
        type: "apk",
        sourceName: e.origin ?? e.name,
        purl: purl("apk", distro?.id ?? "alpine", e.name, e.version, { arch: e.architecture, distro: distro ? `${distro.id}-${distro.versionId}` : undefined, upstream: e.origin && e.origin !== e.name ? e.origin : undefined }),
        locations: [locationOf(tree, INSTALLED)],
        licenses: e.license ? [e.license] : [],
        metadata: e.architecture ? { architecture: e.architecture } : undefined,
      }),
    );
  },
};
