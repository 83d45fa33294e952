import type { CNIInfo, ControlPlaneInfo, FileInfo, KubeletInfo, KubeProxyInfo } from "../../../common/wire/hostData.ts";
import type { ControlEvaluation, ResourceIndex, RulePaths } from "../../types.ts";
import { evaluateHost } from "./hostData.ts";

/** A file the control looks at and the path of its FileInfo inside the envelope (for reports). */
export interface LocatedFile {
  file: FileInfo;
  at: string;
}

/** True when `actual` grants no permission bit outside `allowed` (e.g. 0o640 fits 0o644, 0o660 does not). */
export function permissionsAllowed(actual: number, allowed: number): boolean {
  return (actual & 0o777 & ~allowed) === 0;
}

export type OwnerRule = { user: string; group: string };
export const ROOT_OWNER: OwnerRule = { user: "root", group: "root" };

/** root:root is judged by uid/gid 0 (names can be missing in a container); others by name. */
export function ownedBy(file: FileInfo, owner: OwnerRule): boolean {
  const o = file.ownership;
  if (!o || o.err) return false;
  if (owner.user === "root" && owner.group === "root") return o.uid === 0 && o.gid === 0;
  return o.username === owner.user && o.groupname === owner.group;
}

function located(file: FileInfo | undefined, at: string): LocatedFile[] {
  return file ? [{ file, at }] : [];
}

function locatedAll(files: FileInfo[] | undefined, at: string, filter: (f: FileInfo) => boolean = () => true): LocatedFile[] {
  return (files ?? []).flatMap((file, i) => (filter(file) ? [{ file, at: `${at}[${i}]` }] : []));
}

/** Which files a file-permission control covers, per envelope kind. */
export const FILES = {
  apiServerSpecs: (d: ControlPlaneInfo) => located(d.APIServerInfo?.specsFile, "data.APIServerInfo.specsFile"),
  controllerManagerSpecs: (d: ControlPlaneInfo) => located(d.controllerManagerInfo?.specsFile, "data.controllerManagerInfo.specsFile"),
  controllerManagerConfig: (d: ControlPlaneInfo) => located(d.controllerManagerInfo?.configFile, "data.controllerManagerInfo.configFile"),
  schedulerSpecs: (d: ControlPlaneInfo) => located(d.schedulerInfo?.specsFile, "data.schedulerInfo.specsFile"),
  schedulerConfig: (d: ControlPlaneInfo) => located(d.schedulerInfo?.configFile, "data.schedulerInfo.configFile"),
  etcdSpecs: (d: ControlPlaneInfo) => located(d.etcdConfigFile, "data.etcdConfigFile"),
  etcdDataDir: (d: ControlPlaneInfo) => located(d.etcdDataDir, "data.etcdDataDir"),
  adminConfig: (d: ControlPlaneInfo) => located(d.adminConfigFile, "data.adminConfigFile"),
  pkiDirAndFiles: (d: ControlPlaneInfo) => [...located(d.PKIDir, "data.PKIDir"), ...locatedAll(d.PKIFiles, "data.PKIFiles")],
  pkiCertificates: (d: ControlPlaneInfo) => locatedAll(d.PKIFiles, "data.PKIFiles", (f) => f.path.endsWith(".crt")),
  pkiKeys: (d: ControlPlaneInfo) => locatedAll(d.PKIFiles, "data.PKIFiles", (f) => f.path.endsWith(".key")),
  cniConfigs: (d: CNIInfo) => locatedAll(d.CNIConfigFiles, "data.CNIConfigFiles"),
  kubeletService: (d: KubeletInfo) => locatedAll(d.serviceFiles, "data.serviceFiles"),
  kubeletKubeconfig: (d: KubeletInfo) => located(d.kubeConfigFile, "data.kubeConfigFile"),
  kubeletClientCa: (d: KubeletInfo) => located(d.clientCAFile, "data.clientCAFile"),
  kubeletConfig: (d: KubeletInfo) => located(d.configFile, "data.configFile"),
  proxyKubeconfig: (d: KubeProxyInfo) => located(d.kubeConfigFile, "data.kubeConfigFile"),
};

type Selector<T> = (data: T) => LocatedFile[];

/** Files must not grant more than `allowed` (octal mode); not applicable where no file is found. */
export function checkPermissions<T>(index: ResourceIndex, kind: string, select: Selector<T>, allowed: number): ControlEvaluation {
  return evaluateHost<T>(index, kind, (data) => {
    const files = select(data).filter((f) => f.file.permissions !== undefined);
    if (files.length === 0) return undefined;
    return files
      .filter((f) => !permissionsAllowed(f.file.permissions!, allowed))
      .map((f) => ({ failedPath: `${f.at}.permissions`, fixPath: { path: `${f.at}.permissions`, value: `0${allowed.toString(8)}` } }));
  });
}

/** Files must belong to `owner` (user:group); not applicable where no file is found. */
export function checkOwnership<T>(index: ResourceIndex, kind: string, select: Selector<T>, owner: OwnerRule = ROOT_OWNER): ControlEvaluation {
  return evaluateHost<T>(index, kind, (data) => {
    const files = select(data);
    if (files.length === 0) return undefined;
    return files.filter((f) => !ownedBy(f.file, owner)).map((f) => ({ failedPath: `${f.at}.ownership`, fixPath: { path: `${f.at}.ownership`, value: `${owner.user}:${owner.group}` } }));
  });
}
