import type { OpenPort } from "../../common/wire/hostData.ts";
import type { HostFs } from "../hostFs.ts";
import { json, type Sensor } from "./types.ts";

const TCP_LISTEN = "0A";
const UDP_UNCONNECTED = "07";

interface SocketLine {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: string;
  inode: string;
}

/** One 32-bit word of /proc/net addresses is in host (little-endian) byte order. */
function wordBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < 8; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  return bytes.reverse();
}

/** "0100007F" → 127.0.0.1; 32 hex digits → an IPv6 address (uncompressed groups, zeros trimmed). */
export function decodeProcAddress(hex: string): string {
  if (hex.length === 8) return wordBytes(hex).join(".");
  const bytes: number[] = [];
  for (let w = 0; w < 32; w += 8) bytes.push(...wordBytes(hex.slice(w, w + 8)));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  // Replace the longest run of zero groups with "::" (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > bestLen && j - i > 1) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  if (bestStart < 0) return groups.join(":");
  return `${groups.slice(0, bestStart).join(":")}::${groups.slice(bestStart + bestLen).join(":")}`;
}

/** Pure: the socket table of one /proc/net/{tcp,udp}[6] file. */
export function parseProcNet(content: string): SocketLine[] {
  const out: SocketLine[] = [];
  for (const line of content.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [local, remote, state, inode] = [f[1]!, f[2]!, f[3]!, f[9]!];
    const [la, lp] = local.split(":");
    const [ra, rp] = remote.split(":");
    if (!la || !lp || !ra || !rp) continue;
    out.push({ localAddress: decodeProcAddress(la), localPort: parseInt(lp, 16), remoteAddress: decodeProcAddress(ra), remotePort: parseInt(rp, 16), state, inode });
  }
  return out;
}

/** socket inode → owning process (pid and comm), from /proc/PID/fd symlinks. */
function socketOwners(fs: HostFs): Map<string, { pid: number; name: string }> {
  const owners = new Map<string, { pid: number; name: string }>();
  for (const pid of fs.list("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    for (const fd of fs.list(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readLink(`/proc/${pid}/fd/${fd}`) ?? "");
      if (m && !owners.has(m[1]!)) owners.set(m[1]!, { pid: Number(pid), name: (fs.readText(`/proc/${pid}/comm`) ?? "").trim() });
    }
  }
  return owners;
}

/**
 * The socket tables of the node's network namespace: PID 1's (visible with hostPID, so the
 * scanner needs no host network), falling back to the reader's own /proc/net.
 */
function netDir(fs: HostFs): string {
  return fs.exists("/proc/1/net/tcp") ? "/proc/1/net" : "/proc/net";
}

/** Listening TCP sockets and unconnected UDP sockets, IPv4 and IPv6. */
export const openPorts: Sensor = ({ fs }) => {
  const dir = netDir(fs);
  const owners = socketOwners(fs);
  const collect = (files: string[], transport: string, state: string): OpenPort[] => {
    const ports: OpenPort[] = [];
    for (const file of files) {
      for (const s of parseProcNet(fs.readText(file) ?? "")) {
        if (s.state !== state) continue;
        const owner = owners.get(s.inode);
        ports.push({
          Transport: transport,
          LocalAddress: s.localAddress,
          LocalPort: s.localPort,
          RemoteAddress: s.remoteAddress,
          RemotePort: s.remotePort,
          PID: owner?.pid ?? 0,
          Name: owner?.name ?? "",
        });
      }
    }
    return ports;
  };
  return json({
    tcpPorts: collect([`${dir}/tcp`, `${dir}/tcp6`], "tcp", TCP_LISTEN),
    udpPorts: collect([`${dir}/udp`, `${dir}/udp6`], "udp", UDP_UNCONNECTED),
    icmpPorts: [],
  });
};
