import { Database } from "bun:sqlite";
import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

const SQLITE_DB = /^\/(?:var\/lib|usr\/lib\/sysimage)\/rpm\/rpmdb\.sqlite$/;
/** Berkeley DB ("Packages") and ndb ("Packages.db") are not read yet: noted, not guessed. */
export const UNSUPPORTED_RPMDB = ["/var/lib/rpm/Packages", "/var/lib/rpm/Packages.db", "/usr/lib/sysimage/rpm/Packages.db"];

const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, license: 1014, arch: 1022, sourceRpm: 1044 } as const;

export interface RpmHeader {
  name?: string;
  version?: string;
  release?: string;
  epoch?: number;
  license?: string;
  arch?: string;
  sourceRpm?: string;
}

/** Reads the few tags we need from an rpm header blob (index entries + data store, big-endian). */
export function parseRpmHeader(blob: Uint8Array): RpmHeader {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8) return {};
  const count = view.getUint32(0);
  const dataLength = view.getUint32(4);
  const dataStart = 8 + count * 16;
  if (count > 100_000 || dataStart + dataLength > blob.length) return {};
  const out: RpmHeader = {};
  const str = (offset: number) => {
    const start = dataStart + offset;
    let end = start;
    while (end < dataStart + dataLength && blob[end] !== 0) end++;
    return new TextDecoder().decode(blob.subarray(start, end));
  };
  for (let i = 0; i < count; i++) {
    const base = 8 + i * 16;
    const tag = view.getUint32(base);
    const type = view.getUint32(base + 4);
    const offset = view.getUint32(base + 8);
    if (offset >= dataLength) continue;
    const isString = type === 6 || type === 8 || type === 9;
    switch (tag) {
      case TAG.name:
        if (isString) out.name = str(offset);
        break;
      case TAG.version:
        if (isString) out.version = str(offset);
        break;
      case TAG.release:
        if (isString) out.release = str(offset);
        break;
      case TAG.epoch:
        if (type === 4) out.epoch = view.getUint32(dataStart + offset);
        break;
      case TAG.license:
        if (isString) out.license = str(offset);
        break;
      case TAG.arch:
        if (isString) out.arch = str(offset);
        break;
      case TAG.sourceRpm:
        if (isString) out.sourceRpm = str(offset);
        break;
    }
  }
  return out;
}

/** "bash-5.1.8-6.el9.src.rpm" → "bash" (name is everything before the last two dashes). */
export function sourceRpmName(sourceRpm: string): string | undefined {
  const base = sourceRpm.replace(/\.(?:no)?src\.rpm$/, "");
  const parts = base.split("-");
  return parts.length >= 3 ? parts.slice(0, -2).join("-") : undefined;
}

export function readRpmSqlite(bytes: Uint8Array): RpmHeader[] {
  const db = Database.deserialize(bytes, true);
  try {
    const rows = db.query("SELECT blob FROM Packages").all() as Array<{ blob: Uint8Array }>;
    return rows.map((r) => parseRpmHeader(r.blob));
  } finally {
    db.close();
  }
}

export const rpmCataloger: Cataloger = {
  name: "rpm",
  wantsContent: (path) => SQLITE_DB.test(path),
  async catalog({ tree, distro }) {
    const packages: Package[] = [];
    for (const [path] of tree.files()) {
      if (!SQLITE_DB.test(path)) continue;
      const bytes = await tree.read(path);
      if (!bytes) continue;
      for (const h of readRpmSqlite(bytes)) {
        if (!h.name || !h.version || h.name === "gpg-pubkey") continue;
        const vr = h.release ? `${h.version}-${h.release}` : h.version;
        const version = h.epoch ? `${h.epoch}:${vr}` : vr;
        const source = h.sourceRpm ? sourceRpmName(h.sourceRpm) : undefined;
        packages.push({
          name: h.name,
          version,
          type: "rpm",
          sourceName: source ?? h.name,
          purl: purl("rpm", distro?.id ?? "redhat", h.name, vr, { arch: h.arch, epoch: h.epoch ? String(h.epoch) : undefined, distro: distro ? `${distro.id}-${distro.versionId}` : undefined, upstream: h.sourceRpm }),
          locations: [locationOf(tree, path)],
          licenses: h.license ? [h.license] : [],
          metadata: { ...(h.arch ? { architecture: h.arch } : {}), ...(h.sourceRpm ? { sourceRpm: h.sourceRpm } : {}) },
        });
      }
    }
    return packages;
  },
};
