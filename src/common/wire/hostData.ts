import { z } from "zod";

/**
 * Host-scanner payloads (wire spec §6) and the `hostdata.kubescape.cloud/v1beta0` envelopes the
 * posture engine evaluates. Field names follow the original host-scanner JSON exactly.
 */

export const HOST_DATA_API_VERSION = "hostdata.kubescape.cloud/v1beta0";

export const FileOwnershipSchema = z.object({
  uid: z.number().int(),
  gid: z.number().int(),
  username: z.string().optional(),
  groupname: z.string().optional(),
  err: z.string().optional(),
});
export type FileOwnership = z.infer<typeof FileOwnershipSchema>;

/** One file or directory: `permissions` is the Unix mode bits (e.g. 384 = 0o600). */
export const FileInfoSchema = z.object({
  path: z.string(),
  ownership: FileOwnershipSchema.optional(),
  permissions: z.number().int().optional(),
  /** base64 of the file content, only for files whose content matters (configs). */
  content: z.string().optional(),
});
export type FileInfo = z.infer<typeof FileInfoSchema>;

export const KubeletInfoSchema = z.object({
  serviceFiles: z.array(FileInfoSchema).optional(),
  configFile: FileInfoSchema.optional(),
  kubeConfigFile: FileInfoSchema.optional(),
  clientCAFile: FileInfoSchema.optional(),
  cmdLine: z.string().default(""),
});
export type KubeletInfo = z.infer<typeof KubeletInfoSchema>;

export const K8sProcessInfoSchema = z.object({
  specsFile: FileInfoSchema.optional(),
  configFile: FileInfoSchema.optional(),
  kubeConfigFile: FileInfoSchema.optional(),
  clientCAFile: FileInfoSchema.optional(),
  cmdLine: z.string().default(""),
});
export type K8sProcessInfo = z.infer<typeof K8sProcessInfoSchema>;

export const ApiServerInfoSchema = K8sProcessInfoSchema.extend({
  encryptionProviderConfigFile: FileInfoSchema.optional(),
  auditPolicyFile: FileInfoSchema.optional(),
});

export const ControlPlaneInfoSchema = z.object({
  APIServerInfo: ApiServerInfoSchema.optional(),
  controllerManagerInfo: K8sProcessInfoSchema.optional(),
  schedulerInfo: K8sProcessInfoSchema.optional(),
  etcdConfigFile: FileInfoSchema.optional(),
  etcdDataDir: FileInfoSchema.optional(),
  adminConfigFile: FileInfoSchema.optional(),
  PKIDir: FileInfoSchema.optional(),
  PKIFiles: z.array(FileInfoSchema).optional(),
  CNIConfigFiles: z.array(FileInfoSchema).optional(),
  CNIName: z.string().optional(),
});
export type ControlPlaneInfo = z.infer<typeof ControlPlaneInfoSchema>;

export const KubeProxyInfoSchema = z.object({
  cmdLine: z.string().default(""),
  configFile: FileInfoSchema.optional(),
  kubeConfigFile: FileInfoSchema.optional(),
});
export type KubeProxyInfo = z.infer<typeof KubeProxyInfoSchema>;

export const CNIInfoSchema = z.object({
  CNIConfigFiles: z.array(FileInfoSchema).default([]),
  CNINames: z.array(z.string()).default([]),
});
export type CNIInfo = z.infer<typeof CNIInfoSchema>;

export const OpenPortSchema = z.object({
  Transport: z.string(),
  LocalAddress: z.string(),
  LocalPort: z.number().int(),
  RemoteAddress: z.string(),
  RemotePort: z.number().int(),
  PID: z.number().int(),
  Name: z.string(),
});
export type OpenPort = z.infer<typeof OpenPortSchema>;

export const OpenPortsListSchema = z.object({
  tcpPorts: z.array(OpenPortSchema),
  udpPorts: z.array(OpenPortSchema),
  icmpPorts: z.array(OpenPortSchema),
});
export type OpenPortsList = z.infer<typeof OpenPortsListSchema>;

export const KernelVariableSchema = z.object({ key: z.string(), value: z.string(), source: z.string() });
export type KernelVariable = z.infer<typeof KernelVariableSchema>;

export const LinuxSecurityHardeningSchema = z.object({ appArmor: z.string(), seLinux: z.string() });
export type LinuxSecurityHardening = z.infer<typeof LinuxSecurityHardeningSchema>;

export const CloudProviderInfoSchema = z.object({ providerMetaDataAPIAccess: z.boolean() });
export type CloudProviderInfo = z.infer<typeof CloudProviderInfoSchema>;

/** Host-scanner path → envelope kind, as kubescape names them (hostsensorutils). */
export const HOST_ENDPOINT_KINDS = {
  osrelease: "OsReleaseFile",
  kernelversion: "KernelVersion",
  linuxsecurityhardening: "LinuxSecurityHardeningStatus",
  openedports: "OpenPortsList",
  linuxkernelvariables: "LinuxKernelVariables",
  kubeletinfo: "KubeletInfo",
  kubeproxyinfo: "KubeProxyInfo",
  controlplaneinfo: "ControlPlaneInfo",
  cloudproviderinfo: "CloudProviderInfo",
  cniinfo: "CNIInfo",
} as const;
export type HostEndpoint = keyof typeof HOST_ENDPOINT_KINDS;
export type HostDataKind = (typeof HOST_ENDPOINT_KINDS)[HostEndpoint];

/** Schemas for the JSON endpoints; text endpoints (osrelease, kernelversion) carry a string. */
export const HOST_ENDPOINT_SCHEMAS: Record<HostEndpoint, z.ZodType> = {
  osrelease: z.string(),
  kernelversion: z.string(),
  linuxsecurityhardening: LinuxSecurityHardeningSchema,
  openedports: OpenPortsListSchema,
  linuxkernelvariables: z.array(KernelVariableSchema),
  kubeletinfo: KubeletInfoSchema,
  kubeproxyinfo: KubeProxyInfoSchema,
  controlplaneinfo: ControlPlaneInfoSchema,
  cloudproviderinfo: CloudProviderInfoSchema,
  cniinfo: CNIInfoSchema,
};

export interface HostDataEnvelope<T = unknown> {
  apiVersion: typeof HOST_DATA_API_VERSION;
  kind: HostDataKind;
  metadata: { name: string };
  data: T;
}
