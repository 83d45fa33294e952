import { unzipSync } from "fflate";
import type { Package } from "../types.ts";
import { type Cataloger, firstField, locationOf, parseHeaderBlock } from "./cataloger.ts";
import { purl } from "./purl.ts";

const ARCHIVE = /\.(?:jar|war|ear|jpi|hpi)$/i;
const MAX_NESTING = 3;

interface JavaPkg {
  groupId?: string;
  artifactId: string;
  version: string;
  licenses: string[];
  nestedIn: string[];
}

function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** "commons-lang3-3.12.0.jar" → name and version, when the file name is all there is. */
export function nameVersionFromFileName(fileName: string): { name: string; version: string } | undefined {
  const base = fileName.replace(/^.*\//, "").replace(ARCHIVE, "");
  const m = /^(.+?)-(\d[\w.+-]*)$/.exec(base);
  return m ? { name: m[1]!, version: m[2]! } : undefined;
}

/** Packages in one archive: each pom.properties; else MANIFEST.MF; else the file name; nested archives too. */
export function catalogJavaArchive(bytes: Uint8Array, fileName: string, nestedIn: string[] = []): JavaPkg[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => f.name === "META-INF/MANIFEST.MF" || /^META-INF\/maven\/.+\/pom\.properties$/.test(f.name) || (nestedIn.length < MAX_NESTING && ARCHIVE.test(f.name) && f.originalSize < 256 * 1024 * 1024),
    });
  } catch {
    return [];
  }
  const decoder = new TextDecoder();
  const out: JavaPkg[] = [];
  const manifest = entries["META-INF/MANIFEST.MF"] ? parseHeaderBlock(decoder.decode(entries["META-INF/MANIFEST.MF"]), "") : [];
  const manifestLicense = firstField(manifest, "Bundle-License");
  const licenses = manifestLicense ? [manifestLicense] : [];
  const poms = Object.keys(entries).filter((n) => n.endsWith("pom.properties"));
  for (const name of poms) {
    const p = parseProperties(decoder.decode(entries[name]!));
    if (p.artifactId && p.version) out.push({ groupId: p.groupId, artifactId: p.artifactId, version: p.version, licenses, nestedIn });
  }
  if (out.length === 0) {
    const title = firstField(manifest, "Implementation-Title") ?? firstField(manifest, "Bundle-SymbolicName")?.split(";")[0];
    const version = firstField(manifest, "Implementation-Version") ?? firstField(manifest, "Bundle-Version");
    const fromName = nameVersionFromFileName(fileName);
    const artifactId = fromName?.name ?? title;
    const ver = fromName?.version ?? version;
    if (artifactId && ver) out.push({ groupId: firstField(manifest, "Implementation-Vendor-Id") ?? undefined, artifactId, version: ver, licenses, nestedIn });
  }
  for (const [name, data] of Object.entries(entries)) {
    if (ARCHIVE.test(name)) out.push(...catalogJavaArchive(data, name, [...nestedIn, name]));
  }
  return out;
}

export const javaCataloger: Cataloger = {
  name: "java-archive",
  wantsContent: (path) => ARCHIVE.test(path),
  async catalog({ tree }) {
    const packages: Package[] = [];
    for (const [path] of tree.files()) {
      if (!ARCHIVE.test(path)) continue;
      const bytes = await tree.read(path);
      if (!bytes) continue;
      const seen = new Set<string>();
      for (const j of catalogJavaArchive(bytes, path)) {
        const key = `${j.groupId}:${j.artifactId}@${j.version}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const metadata: Record<string, string> = {};
        if (j.groupId) metadata.groupId = j.groupId;
        if (j.nestedIn.length) metadata.nestedIn = j.nestedIn.join(" > ");
        packages.push({
          name: j.artifactId,
          version: j.version,
          type: "java-archive",
          purl: purl("maven", j.groupId ?? j.artifactId, j.artifactId, j.version),
          locations: [locationOf(tree, path)],
          licenses: j.licenses,
          metadata,
        });
      }
    }
    return packages;
  },
};
