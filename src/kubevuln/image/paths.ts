import { ImageContentError } from "./limits.ts";

/**
 * "./usr/bin/x", "usr//bin/x/" → "/usr/bin/x". An entry name that climbs above the root is
 * refused: the image would write outside its own filesystem.
 */
export function normaliseEntryPath(name: string, what: string): string | undefined {
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") throw new ImageContentError(`${what}: entry "${name}" uses ".." (path traversal refused)`);
    parts.push(part);
  }
  return parts.length === 0 ? undefined : `/${parts.join("/")}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Joins a symlink target to the folder holding the link, clamped at the image root. */
export function joinInside(dir: string, target: string): string {
  const parts: string[] = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop(); // at the root ".." stays at the root, as in a chroot
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
