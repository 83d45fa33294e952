import { parse as parseYaml } from "yaml";
import type { KubeProxyInfo } from "../../common/wire/hostData.ts";
import { argValue, findProcess, rawCmdLine } from "../processes.ts";
import { absent, json, type Sensor } from "./types.ts";

/** kube-proxy's command line, its config file and the kubeconfig it uses (flag or config). */
export const kubeProxy: Sensor = ({ fs, processes }) => {
  const proc = findProcess(processes(), "kube-proxy");
  if (!proc) return absent("no kube-proxy process on this node");
  const info: KubeProxyInfo = { cmdLine: rawCmdLine(proc) };
  const configPath = argValue(proc.argv, "--config");
  let kubeconfigPath = argValue(proc.argv, "--kubeconfig");
  if (configPath) {
    info.configFile = fs.fileInfo(configPath);
    if (!kubeconfigPath) {
      try {
        const doc = parseYaml(fs.readText(configPath) ?? "") as { clientConnection?: { kubeconfig?: unknown } } | null;
        const v = doc?.clientConnection?.kubeconfig;
        if (typeof v === "string" && v !== "") kubeconfigPath = v;
      } catch {
        // An unreadable config still leaves the command line to report.
      }
    }
  }
  if (kubeconfigPath) info.kubeConfigFile = fs.fileInfo(kubeconfigPath);
  return json(info);
};
