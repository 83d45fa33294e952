import { parse as parseYaml } from "yaml";
import type { FileInfo, KubeletInfo } from "../../common/wire/hostData.ts";
import type { HostFs } from "../hostFs.ts";
import { argValue, findProcess, rawCmdLine } from "../processes.ts";
import { absent, json, type Sensor } from "./types.ts";

const DEFAULT_KUBECONFIG = "/etc/kubernetes/kubelet.conf";
const SERVICE_LOCATIONS = ["/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"];

/** kubelet.service and its drop-ins (10-kubeadm.conf...) wherever systemd keeps them. */
export function kubeletServiceFiles(fs: HostFs): FileInfo[] {
  const out: FileInfo[] = [];
  for (const base of SERVICE_LOCATIONS) {
    const unit = fs.fileInfo(`${base}/kubelet.service`);
    if (unit) out.push(unit);
    for (const name of fs.list(`${base}/kubelet.service.d`).sort()) {
      const info = fs.fileInfo(`${base}/kubelet.service.d/${name}`);
      if (info) out.push(info);
    }
  }
  return out;
}

/** clientCAFile from a kubelet config (YAML or JSON), if any. */
function clientCaFromConfig(content: Buffer | undefined): string | undefined {
  if (!content) return undefined;
  try {
    const doc = parseYaml(content.toString("utf8")) as { authentication?: { x509?: { clientCAFile?: unknown } } } | null;
    const v = doc?.authentication?.x509?.clientCAFile;
    return typeof v === "string" && v !== "" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The kubelet's command line, config file (with content), kubeconfig, client CA and unit files. */
export const kubelet: Sensor = ({ fs, processes }) => {
  const proc = findProcess(processes(), "kubelet");
  if (!proc) return absent("no kubelet process on this node");
  const info: KubeletInfo = { cmdLine: rawCmdLine(proc) };
  const serviceFiles = kubeletServiceFiles(fs);
  if (serviceFiles.length > 0) info.serviceFiles = serviceFiles;
  const configPath = argValue(proc.argv, "--config");
  if (configPath) info.configFile = fs.fileInfo(configPath, true);
  const kubeconfigPath = argValue(proc.argv, "--kubeconfig") || DEFAULT_KUBECONFIG;
  info.kubeConfigFile = fs.fileInfo(kubeconfigPath);
  const caPath = argValue(proc.argv, "--client-ca-file") || (configPath ? clientCaFromConfig(fs.readBytes(configPath)) : undefined);
  if (caPath) info.clientCAFile = fs.fileInfo(caPath);
  return json(info);
};
