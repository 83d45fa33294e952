import type { FileTree } from "../image/tree.ts";
import type { Distro } from "../types.ts";

export const OS_RELEASE_PATHS = ["/etc/os-release", "/usr/lib/os-release", "/etc/alpine-release", "/etc/debian_version"];

/** KEY=value lines with optional single or double quotes. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1).replace(/\\(["'$`\\])/g, "$1");
    out[line.slice(0, eq)] = value;
  }
  return out;
}

/** Distro from os-release (the container's, after symlinks), with Alpine/Debian fallbacks. */
export async function detectDistro(tree: FileTree): Promise<Distro | undefined> {
  for (const path of ["/etc/os-release", "/usr/lib/os-release"]) {
    const text = await tree.readText(path);
    if (text === undefined) continue;
    const f = parseOsRelease(text);
    if (!f.ID) continue;
    let versionId = f.VERSION_ID ?? "";
    // Debian testing/sid have no VERSION_ID; debian_version names the release in progress
    if (!versionId && f.ID === "debian") versionId = ((await tree.readText("/etc/debian_version")) ?? "").trim().split(".")[0] ?? "";
    return { id: f.ID.toLowerCase(), versionId, versionCodename: f.VERSION_CODENAME || undefined, prettyName: f.PRETTY_NAME || undefined };
  }
  const alpine = await tree.readText("/etc/alpine-release");
  if (alpine) return { id: "alpine", versionId: alpine.trim() };
  return undefined;
}

export function wantsOsRelease(path: string): boolean {
  return OS_RELEASE_PATHS.includes(path);
}
