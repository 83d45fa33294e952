import { stringify as toYaml } from "yaml";
import type { FileInfo } from "../../../../src/common/wire/hostData.ts";
import { buildResourceIndex } from "../../../../src/kubescape/engine/resourceIndex.ts";
import type { Control, K8sObject, RulePaths } from "../../../../src/kubescape/types.ts";

/** A host-scanner envelope as collectHostData builds it. */
export function envelope(kind: string, data: unknown, node = "node-1"): K8sObject {
  return { apiVersion: "hostdata.kubescape.cloud/v1beta0", kind, metadata: { name: node }, data } as K8sObject;
}

export function hostFile(path: string, permissions: number, uid = 0, gid = 0, username = uid === 0 ? "root" : "user", groupname = gid === 0 ? "root" : "user"): FileInfo {
  return { path, permissions, ownership: { uid, gid, username, groupname } };
}

/** Where each file-control selector finds its file in the host-scanner payloads. */
export function fileAt(selector: string, file: FileInfo): K8sObject {
  switch (selector) {
    case "apiServerSpecs":
      return envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver", specsFile: file } });
    case "controllerManagerSpecs":
      return envelope("ControlPlaneInfo", { controllerManagerInfo: { cmdLine: "kube-controller-manager", specsFile: file } });
    case "controllerManagerConfig":
      return envelope("ControlPlaneInfo", { controllerManagerInfo: { cmdLine: "kube-controller-manager", configFile: file } });
    case "schedulerSpecs":
      return envelope("ControlPlaneInfo", { schedulerInfo: { cmdLine: "kube-scheduler", specsFile: file } });
    case "schedulerConfig":
      return envelope("ControlPlaneInfo", { schedulerInfo: { cmdLine: "kube-scheduler", configFile: file } });
    case "etcdSpecs":
      return envelope("ControlPlaneInfo", { etcdConfigFile: file });
    case "etcdDataDir":
      return envelope("ControlPlaneInfo", { etcdDataDir: file });
    case "adminConfig":
      return envelope("ControlPlaneInfo", { adminConfigFile: file });
    case "pkiDirAndFiles":
      return envelope("ControlPlaneInfo", { PKIDir: hostFile("/etc/kubernetes/pki", 0o755), PKIFiles: [file] });
    case "pkiCertificates":
    case "pkiKeys":
      return envelope("ControlPlaneInfo", { PKIFiles: [file] });
    case "cniConfigs":
      return envelope("CNIInfo", { CNIConfigFiles: [file], CNINames: [] });
    case "kubeletService":
      return envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet", serviceFiles: [file] });
    case "kubeletKubeconfig":
      return envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet", kubeConfigFile: file });
    case "kubeletClientCa":
      return envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet", clientCAFile: file });
    case "kubeletConfig":
      return envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml", configFile: file });
    case "proxyKubeconfig":
      return envelope("KubeProxyInfo", { cmdLine: "kube-proxy", kubeConfigFile: file });
    default:
      throw new Error(`unknown selector ${selector}`);
  }
}

/** A KubeletInfo envelope: extra command-line flags and, when given, a config file with content. */
export function kubelet(flags: string[] = [], config?: Record<string, unknown>, node = "node-1"): K8sObject {
  const cmd = ["/usr/bin/kubelet", ...(config ? ["--config=/var/lib/kubelet/config.yaml"] : []), ...flags].join(" ");
  const data: Record<string, unknown> = { cmdLine: cmd };
  if (config) {
    data.configFile = {
      ...hostFile("/var/lib/kubelet/config.yaml", 0o600),
      content: Buffer.from(toYaml({ apiVersion: "kubelet.config.k8s.io/v1beta1", kind: "KubeletConfiguration", ...config })).toString("base64"),
    };
  }
  return envelope("KubeletInfo", data, node);
}

export interface Outcome {
  name: string;
  kind: string;
  status: "passed" | "failed";
  paths: RulePaths[];
}

/** Runs a control over a snapshot and returns what it said about each object. */
export function evaluate(control: Control, objects: K8sObject[]): Outcome[] {
  const index = buildResourceIndex(objects, { isLiveCluster: true });
  return control.evaluate(index, {}).results.map((r) => ({ name: r.object.metadata.name, kind: r.object.kind, status: r.status, paths: r.paths }));
}

export const statuses = (control: Control, objects: K8sObject[]) => evaluate(control, objects).map((o) => o.status);
