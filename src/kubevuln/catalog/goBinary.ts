import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

export interface GoBuildInfo {
  goVersion: string;
  path?: string;
  main?: { path: string; version: string };
  deps: Array<{ path: string; version: string; replacedBy?: { path: string; version: string } }>;
  settings: Record<string, string>;
}

function uvarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  return [-1, at];
}

/**
 * Decodes the Go 1.18+ build-info header: 32 bytes ("\xff Go buildinf:", pointer size, flags),
 * then, with the inline flag, two varint-prefixed strings: the Go version and the module info.
 * Older binaries keep pointers instead and are not decoded.
 */
export function parseGoBuildInfo(blob: Uint8Array): GoBuildInfo | undefined {
  if (blob.length < 33) return undefined;
  const flags = blob[15]!;
  if ((flags & 0x2) === 0) return undefined;
  const decoder = new TextDecoder();
  let [len, at] = uvarint(blob, 32);
  if (len < 0 || at + len > blob.length) return undefined;
  const goVersion = decoder.decode(blob.subarray(at, at + len));
  at += len;
  [len, at] = uvarint(blob, at);
  if (len < 0 || at + len > blob.length) return undefined;
  let modinfo = decoder.decode(blob.subarray(at, at + len));
  // module info is framed by 16-byte sentinels
  if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === "\n") modinfo = modinfo.slice(16, -16);
  return { goVersion, ...parseModInfo(modinfo) };
}

/** The text `go version -m` prints: path / mod / dep / => / build lines, tab separated. */
export function parseModInfo(text: string): Omit<GoBuildInfo, "goVersion"> {
  const out: Omit<GoBuildInfo, "goVersion"> = { deps: [], settings: {} };
  for (const line of text.split("\n")) {
    const [kind, a = "", b = "", _sum] = line.split("\t");
    if (kind === "path") out.path = a;
    else if (kind === "mod") out.main = { path: a, version: b };
    else if (kind === "dep") out.deps.push({ path: a, version: b });
    else if (kind === "=>") {
      const last = out.deps[out.deps.length - 1];
      if (last) last.replacedBy = { path: a, version: b };
    } else if (kind === "build") {
      const eq = a.indexOf("=");
      if (eq > 0) out.settings[a.slice(0, eq)] = a.slice(eq + 1);
    }
  }
  return out;
}

function goPurl(path: string, version: string): string {
  const parts = path.split("/");
  const name = parts.pop()!;
  return purl("golang", parts.join("/") || undefined, name, version);
}

export const goBinaryCataloger: Cataloger = {
  name: "go-binary",
  wantsContent: () => false,
  probeExecutables: true,
  async catalog({ tree }) {
    const packages: Package[] = [];
    for (const [path, node] of tree.files()) {
      if (!node.goBuildInfo) continue;
      const info = parseGoBuildInfo(await node.blob.read());
      if (!info) continue;
      const location = locationOf(tree, path);
      const meta = { goVersion: info.goVersion, ...(info.path ? { mainPath: info.path } : {}) };
      if (info.main) packages.push({ name: info.main.path, version: info.main.version, type: "go-module", purl: goPurl(info.main.path, info.main.version), locations: [location], licenses: [], metadata: { ...meta, mainModule: "true" } });
      for (const dep of info.deps) {
        const used = dep.replacedBy ?? dep;
        packages.push({ name: used.path, version: used.version, type: "go-module", purl: goPurl(used.path, used.version), locations: [location], licenses: [], metadata: meta });
      }
      packages.push({ name: "stdlib", version: info.goVersion, type: "go-module", purl: purl("golang", undefined, "stdlib", info.goVersion), locations: [location], licenses: ["BSD-3-Clause"], metadata: meta });
    }
    return packages;
  },
};
