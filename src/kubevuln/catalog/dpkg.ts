import type { Distro, Package } from "../types.ts";
import { type Cataloger, firstField, locationOf, parseHeaderBlock } from "./cataloger.ts";
import { purl } from "./purl.ts";

const STATUS = "/var/lib/dpkg/status";
const STATUS_D = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const COPYRIGHT = /^\/usr\/share\/doc\/([^/]+)\/copyright$/;

export interface DpkgEntry {
  name: string;
  version: string;
  architecture?: string;
  sourceName?: string;
  sourceVersion?: string;
  installed: boolean;
}

/** Paragraphs of a dpkg status file (or a distroless status.d file). */
export function parseDpkgStatus(text: string, requireStatus: boolean): DpkgEntry[] {
  const out: DpkgEntry[] = [];
  for (const paragraph of text.split(/\r?\n\s*\r?\n/)) {
    const fields = parseHeaderBlock(paragraph);
    const name = firstField(fields, "Package");
    const version = firstField(fields, "Version");
    if (!name || !version) continue;
    const status = firstField(fields, "Status");
    // "install ok installed"; half-installed or config-files-only packages are not installed
    const installed = status ? /\binstalled$/.test(status) && !/config-files|not-installed/.test(status) : !requireStatus;
    const source = firstField(fields, "Source");
    let sourceName: string | undefined;
    let sourceVersion: string | undefined;
    if (source) {
      const m = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(source.trim());
      sourceName = m?.[1];
      sourceVersion = m?.[2];
    }
    out.push({ name, version, architecture: firstField(fields, "Architecture"), sourceName: sourceName ?? name, sourceVersion, installed });
  }
  return out;
}

/** DEP-5 copyright files: the distinct "License:" short names, in order of appearance. */
export function parseCopyrightLicenses(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(/^License:\s*([^\n]+)$/gm)) {
    const name = m[1]!.trim();
    if (name && name.length < 80) seen.add(name);
  }
  // older free-form copyright files only point at the common licence texts
  if (seen.size === 0) for (const m of text.matchAll(/\/usr\/share\/common-licenses\/([A-Za-z0-9][A-Za-z0-9.+-]*[A-Za-z0-9+])/g)) seen.add(m[1]!);
  return [...seen];
}

function distroQualifier(distro: Distro | undefined): string | undefined {
  return distro ? `${distro.id}-${distro.versionId}` : undefined;
}

export const dpkgCataloger: Cataloger = {
  name: "dpkg",
  wantsContent: (path) => path === STATUS || STATUS_D.test(path) || COPYRIGHT.test(path),
  async catalog({ tree, distro }) {
    const sources: Array<{ path: string; requireStatus: boolean }> = [];
    if (tree.file(STATUS)) sources.push({ path: STATUS, requireStatus: true });
    for (const [path] of tree.files()) if (STATUS_D.test(path) && !path.endsWith(".md5sums")) sources.push({ path, requireStatus: false });
    const packages: Package[] = [];
    const namespace = distro?.id ?? "debian";
    for (const { path, requireStatus } of sources) {
      const text = (await tree.readText(path)) ?? "";
      for (const e of parseDpkgStatus(text, requireStatus)) {
        if (!e.installed) continue;
        const copyright = await tree.readText(`/usr/share/doc/${e.name}/copyright`);
        const locations = [locationOf(tree, path)];
        if (copyright !== undefined) locations.push(locationOf(tree, `/usr/share/doc/${e.name}/copyright`));
        const upstream = e.sourceName && e.sourceName !== e.name ? (e.sourceVersion ? `${e.sourceName}@${e.sourceVersion}` : e.sourceName) : undefined;
        packages.push({
          name: e.name,
          version: e.version,
          type: "deb",
          sourceName: e.sourceName,
          sourceVersion: e.sourceVersion,
          purl: purl("deb", namespace, e.name, e.version, { arch: e.architecture, distro: distroQualifier(distro), upstream }),
          locations,
          licenses: copyright ? parseCopyrightLicenses(copyright) : [],
          metadata: e.architecture ? { architecture: e.architecture } : undefined,
        });
      }
    }
    return packages;
  },
};
