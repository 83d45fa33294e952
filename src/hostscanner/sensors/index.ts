import { cloudProvider } from "./cloudProvider.ts";
import { cni } from "./cni.ts";
import { controlPlane } from "./controlPlane.ts";
import { kernelVariables } from "./kernelVariables.ts";
import { kernelVersion } from "./kernelVersion.ts";
import { kubelet } from "./kubelet.ts";
import { kubeProxy } from "./kubeProxy.ts";
import { linuxSecurityHardening } from "./linuxSecurityHardening.ts";
import { openPorts } from "./openPorts.ts";
import { osRelease } from "./osRelease.ts";
import type { Sensor } from "./types.ts";
import { version } from "./version.ts";

/** Lower-case request path → sensor (the original lower-cases paths before routing). */
export const SENSORS: Record<string, Sensor> = {
  "/osrelease": osRelease,
  "/kernelversion": kernelVersion,
  "/linuxsecurityhardening": linuxSecurityHardening,
  "/openedports": openPorts,
  "/linuxkernelvariables": kernelVariables,
  "/kubeletinfo": kubelet,
  "/kubeproxyinfo": kubeProxy,
  "/controlplaneinfo": controlPlane,
  "/cloudproviderinfo": cloudProvider,
  "/cniinfo": cni,
  "/version": version,
};
