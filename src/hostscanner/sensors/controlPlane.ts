import { parse as parseYaml, stringify as toYaml } from "yaml";
import type { ControlPlaneInfo, FileInfo, K8sProcessInfo } from "../../common/wire/hostData.ts";
import type { HostFs } from "../hostFs.ts";
import { argValue, findProcess, type HostProcess, rawCmdLine } from "../processes.ts";
import { cniConfigDir } from "./cni.ts";
import { absent, json, type Sensor } from "./types.ts";

// kubeadm's default locations (the CIS benchmark names these paths).
const PATHS = {
  apiServerSpecs: "/etc/kubernetes/manifests/kube-apiserver.yaml",
  controllerManagerSpecs: "/etc/kubernetes/manifests/kube-controller-manager.yaml",
  controllerManagerConfig: "/etc/kubernetes/controller-manager.conf",
  schedulerSpecs: "/etc/kubernetes/manifests/kube-scheduler.yaml",
  schedulerConfig: "/etc/kubernetes/scheduler.conf",
  etcdSpecs: "/etc/kubernetes/manifests/etcd.yaml",
  adminConfig: "/etc/kubernetes/admin.conf",
  pkiDir: "/etc/kubernetes/pki",
};

function processInfo(fs: HostFs, proc: HostProcess | undefined, specs: string, config?: string): K8sProcessInfo | undefined {
  const info: K8sProcessInfo = { cmdLine: proc ? rawCmdLine(proc) : "" };
  const specsFile = fs.fileInfo(specs);
  if (specsFile) info.specsFile = specsFile;
  const configFile = config ? fs.fileInfo(config) : undefined;
  if (configFile) info.configFile = configFile;
  return proc || specsFile || configFile ? info : undefined;
}

/** Key material never leaves the node: every provider key's `secret` is replaced. */
export function redactEncryptionConfig(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(redactEncryptionConfig);
  if (doc && typeof doc === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) out[k] = k === "secret" ? "<REDACTED>" : redactEncryptionConfig(v);
    return out;
  }
  return doc;
}

function encryptionConfigFile(fs: HostFs, path: string): FileInfo | undefined {
  const info = fs.fileInfo(path);
  const text = fs.readText(path);
  if (!info || text === undefined) return info;
  try {
    info.content = Buffer.from(toYaml(redactEncryptionConfig(parseYaml(text)))).toString("base64");
  } catch {
    // Unparseable: report the file without content rather than risk leaking keys.
  }
  return info;
}

/** Control-plane processes, their manifests and kubeconfigs, PKI, etcd data dir, CNI configs. */
export const controlPlane: Sensor = ({ fs, processes }) => {
  const procs = processes();
  const api = findProcess(procs, "kube-apiserver");
  const etcd = findProcess(procs, "etcd");
  const ret: ControlPlaneInfo = {};
  const apiInfo = processInfo(fs, api, PATHS.apiServerSpecs);
  if (apiInfo) {
    ret.APIServerInfo = apiInfo;
    const encPath = api && argValue(api.argv, "--encryption-provider-config");
    if (encPath) ret.APIServerInfo.encryptionProviderConfigFile = encryptionConfigFile(fs, encPath);
    const auditPath = api && argValue(api.argv, "--audit-policy-file");
    if (auditPath) ret.APIServerInfo.auditPolicyFile = fs.fileInfo(auditPath, true);
  }
  ret.controllerManagerInfo = processInfo(fs, findProcess(procs, "kube-controller-manager"), PATHS.controllerManagerSpecs, PATHS.controllerManagerConfig);
  ret.schedulerInfo = processInfo(fs, findProcess(procs, "kube-scheduler"), PATHS.schedulerSpecs, PATHS.schedulerConfig);
  ret.etcdConfigFile = fs.fileInfo(PATHS.etcdSpecs);
  const dataDir = etcd ? argValue(etcd.argv, "--data-dir") : undefined;
  if (dataDir) ret.etcdDataDir = fs.fileInfo(dataDir);
  ret.adminConfigFile = fs.fileInfo(PATHS.adminConfig);
  if (!ret.APIServerInfo && !ret.controllerManagerInfo && !ret.schedulerInfo && !ret.etcdConfigFile && !ret.etcdDataDir && !ret.adminConfigFile) {
    return absent("not a control plane node");
  }
  ret.PKIDir = fs.fileInfo(PATHS.pkiDir);
  ret.PKIFiles = fs.dirFileInfos(PATHS.pkiDir);
  ret.CNIConfigFiles = fs.dirFileInfos(cniConfigDir(procs));
  // Drop undefined keys so the JSON looks like the original (omitempty).
  return json(JSON.parse(JSON.stringify(ret)));
};
