import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import type { FileInfo } from "../common/wire/hostData.ts";

/** Largest file content we return (configs are small; this bounds memory on odd hosts). */
const MAX_CONTENT_BYTES = 1024 * 1024;

/**
 * Read-only view of the node's filesystem under HOST_ROOT (the DaemonSet mounts the host at a
 * directory; tests point it at a prepared tree). Every path given here is a host path.
 */
export class HostFs {
  private users?: Map<number, string>;
  private groups?: Map<number, string>;

  constructor(readonly root: string = "/") {}

  /**
   * The real path of a host path. Symlinks are followed inside the host root (an absolute link
   * such as /var/run → /run points into the host, not into this container), and `..` cannot
   * climb above the root.
   */
  resolve(hostPath: string): string {
    if (this.root === "/") return normalize(`/${hostPath}`);
    return join(this.root, this.resolveInside(hostPath));
  }

  private resolveInside(hostPath: string): string {
    const pending = normalize(`/${hostPath}`).split("/").filter(Boolean);
    const done: string[] = [];
    for (let hops = 0; pending.length > 0; ) {
      const part = pending.shift()!;
      if (part === "..") {
        done.pop();
        continue;
      }
      if (part === ".") continue;
      const candidate = join(this.root, ...done, part);
      let target: string | undefined;
      try {
        if (lstatSync(candidate).isSymbolicLink()) target = readlinkSync(candidate);
      } catch {
        // Missing: keep the rest as is; the caller's read fails naturally.
      }
      if (target === undefined) {
        done.push(part);
        continue;
      }
      if (++hops > 40) return `/${[...done, part, ...pending].join("/")}`;
      if (target.startsWith("/")) done.length = 0;
      pending.unshift(...target.split("/").filter(Boolean));
    }
    return `/${done.join("/")}`;
  }

  readText(hostPath: string, maxBytes = MAX_CONTENT_BYTES): string | undefined {
    try {
      const buf = readFileSync(this.resolve(hostPath));
      return buf.subarray(0, maxBytes).toString("utf8");
    } catch {
      return undefined;
    }
  }

  readBytes(hostPath: string): Buffer | undefined {
    try {
      const st = statSync(this.resolve(hostPath));
      if (!st.isFile() || st.size > MAX_CONTENT_BYTES) return undefined;
      return readFileSync(this.resolve(hostPath));
    } catch {
      return undefined;
    }
  }

  exists(hostPath: string): boolean {
    try {
      statSync(this.resolve(hostPath));
      return true;
    } catch {
      return false;
    }
  }

  isDirectory(hostPath: string): boolean {
    try {
      return statSync(this.resolve(hostPath)).isDirectory();
    } catch {
      return false;
    }
  }

  list(hostPath: string): string[] {
    try {
      return readdirSync(this.resolve(hostPath));
    } catch {
      return [];
    }
  }

  /** The target of a symlink itself (not followed), e.g. /proc/PID/fd/N → socket:[inode]. */
  readLink(hostPath: string): string | undefined {
    try {
      return readlinkSync(join(this.resolve(dirname(hostPath)), basename(hostPath)));
    } catch {
      return undefined;
    }
  }

  /** Ownership and mode of a host file (content too when asked), or undefined when missing. */
  fileInfo(hostPath: string, withContent = false): FileInfo | undefined {
    let st;
    try {
      st = statSync(this.resolve(hostPath));
    } catch {
      return undefined;
    }
    const info: FileInfo = {
      path: hostPath,
      ownership: { uid: st.uid, gid: st.gid, username: this.userName(st.uid), groupname: this.groupName(st.gid) },
      permissions: st.mode & 0o7777,
    };
    if (withContent && st.isFile()) {
      const bytes = this.readBytes(hostPath);
      if (bytes) info.content = bytes.toString("base64");
    }
    return info;
  }

  /** FileInfo of every regular file under a directory (recursive, bounded). */
  dirFileInfos(hostPath: string, maxFiles = 500, depth = 4): FileInfo[] {
    const out: FileInfo[] = [];
    const walk = (dir: string, level: number) => {
      for (const name of this.list(dir).sort()) {
        if (out.length >= maxFiles) return;
        const child = `${dir.replace(/\/$/, "")}/${name}`;
        let st;
        try {
          st = lstatSync(this.resolve(child));
        } catch {
          continue;
        }
        if (st.isDirectory() && level < depth) walk(child, level + 1);
        else if (st.isFile()) {
          const info = this.fileInfo(child);
          if (info) out.push(info);
        }
      }
    };
    walk(hostPath, 0);
    return out;
  }

  private userName(uid: number): string {
    this.users ??= parseIdFile(this.readText("/etc/passwd") ?? "");
    return this.users.get(uid) ?? "";
  }

  private groupName(gid: number): string {
    this.groups ??= parseIdFile(this.readText("/etc/group") ?? "");
    return this.groups.get(gid) ?? "";
  }
}

/** `/etc/passwd` and `/etc/group` both have name:x:id as their first three fields. */
export function parseIdFile(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of text.split("\n")) {
    const [name, , id] = line.split(":");
    if (name && id !== undefined && /^\d+$/.test(id) && !map.has(Number(id))) map.set(Number(id), name);
  }
  return map;
}
