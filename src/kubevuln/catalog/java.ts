import type { Package } from "../types.ts";
import { type Cataloger, firstField, locationOf, parseHeaderBlock } from "./cataloger.ts";
import { purl } from "./purl.ts";
import { bufferSource, listZip, type RangeSource, readZipEntry } from "./zipReader.ts";

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

/** Nested archives are read into memory to be opened; larger ones are skipped. */
const MAX_NESTED_BYTES = 32 * 1024 * 1024;

/** Packages in one archive: each pom.properties; else MANIFEST.MF; else the file name; nested archives too. */
export async function catalogJavaArchive(src: RangeSource, fileName: string, nestedIn: string[] = []): Promise<JavaPkg[]> {
  let entries;
  try {
    entries = await listZip(src);
  } catch {
    return [];
  }
  const decoder = new TextDecoder();
  const text = async (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e && e.size < 4 * 1024 * 1024 ? decoder.decode(await readZipEntry(src, e)) : undefined;
  };
  const out: JavaPkg[] = [];
  const manifestText = await text("META-INF/MANIFEST.MF").catch(() => undefined);
  const manifest = manifestText ? parseHeaderBlock(manifestText, "") : [];
  const manifestLicense = firstField(manifest, "Bundle-License");
  const licenses = manifestLicense ? [manifestLicense] : [];
  for (const e of entries) {
    if (!/^META-INF\/maven\/.+\/pom\.properties$/.test(e.name)) continue;
    const p = parseProperties((await text(e.name).catch(() => undefined)) ?? "");
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
  if (nestedIn.length < MAX_NESTING) {
    for (const e of entries) {
      if (!ARCHIVE.test(e.name) || e.size > MAX_NESTED_BYTES) continue;
      const bytes = await readZipEntry(src, e).catch(() => undefined);
      if (bytes) out.push(...(await catalogJavaArchive(bufferSource(bytes), e.name, [...nestedIn, e.name])));
    }
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
      const node = tree.file(path);
      if (!node) continue;
      const seen = new Set<string>();
      for (const j of await catalogJavaArchive({ size: node.size, read: (o, l) => node.blob.readRange(o, l) }, path)) {
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
