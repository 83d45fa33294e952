import type { HostFs } from "../hostFs.ts";
import { argValue, findProcess, type HostProcess } from "../processes.ts";
import { json, type Sensor } from "./types.ts";

const DEFAULT_CNI_CONF_DIR = "/etc/cni/net.d";

/** CNI daemons by process name; Calico first because Canal runs both Calico and Flannel. */
const CNI_PROCESSES: Array<[name: string, exe: string]> = [
  ["Calico", "calico-node"],
  ["Flannel", "flanneld"],
  ["Cilium", "cilium-agent"],
  ["WeaveNet", "weaver"],
  ["Kindnet", "kindnetd"],
  ["Antrea", "antrea-agent"],
];

/** CNI plugins named inside config files ("type": "calico" ...). */
const CNI_CONFIG_TYPES: Record<string, string> = {
  calico: "Calico",
  flannel: "Flannel",
  cilium: "Cilium",
  "cilium-cni": "Cilium",
  weave: "WeaveNet",
  "weave-net": "WeaveNet",
  antrea: "Antrea",
  ptp: "Kindnet",
};

export function cniConfigDir(processes: readonly HostProcess[]): string {
  const kubeletProc = findProcess(processes, "kubelet");
  return (kubeletProc && argValue(kubeletProc.argv, "--cni-conf-dir")) || DEFAULT_CNI_CONF_DIR;
}

function namesFromConfigs(fs: HostFs, dir: string): string[] {
  const names: string[] = [];
  for (const file of fs.list(dir)) {
    const content = fs.readText(`${dir}/${file}`, 256 * 1024) ?? "";
    for (const m of content.matchAll(/"type"\s*:\s*"([^"]+)"/g)) {
      const name = CNI_CONFIG_TYPES[m[1]!];
      if (name) names.push(name);
    }
  }
  return names;
}

/** CNI config files (ownership/permissions) and the CNIs found running or configured. */
export const cni: Sensor = ({ fs, processes }) => {
  const procs = processes();
  const dir = cniConfigDir(procs);
  const running = CNI_PROCESSES.filter(([, exe]) => findProcess(procs, exe)).map(([name]) => name);
  const names = [...new Set([...running, ...namesFromConfigs(fs, dir)])];
  return json({ CNIConfigFiles: fs.dirFileInfos(dir), CNINames: names });
};
