import type { HostFs } from "./hostFs.ts";

export interface HostProcess {
  pid: number;
  /** argv as the kernel holds it (NUL-separated in /proc/PID/cmdline). */
  argv: string[];
}

/** Every process on the host with a readable, non-empty cmdline (needs hostPID in a pod). */
export function listProcesses(fs: HostFs): HostProcess[] {
  const out: HostProcess[] = [];
  for (const entry of fs.list("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const raw = fs.readText(`/proc/${entry}/cmdline`, 256 * 1024);
    if (!raw) continue;
    const argv = raw.split("\0").filter((a, i, all) => a !== "" || i < all.length - 1);
    if (argv.length === 0 || !argv[0]) continue;
    out.push({ pid: Number(entry), argv });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** The first process whose executable is `name` or ends in `/name` (kubelet, kube-apiserver...). */
export function findProcess(processes: readonly HostProcess[], name: string): HostProcess | undefined {
  return processes.find((p) => {
    const exe = p.argv[0] ?? "";
    return exe === name || exe.endsWith(`/${name}`);
  });
}

/** The raw command line the way host-scanner reports it: arguments joined by spaces. */
export function rawCmdLine(p: HostProcess): string {
  return p.argv.join(" ");
}

/** Value of `--flag=value` or `--flag value`; undefined when absent. */
export function argValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith("--") ? next : "";
    }
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}
