import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

const KINDS = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "Pod"]);

/** CIS (EKS/GKE) 5.4.x: workloads should read secrets from an external store via the Secrets Store CSI driver. */
export const control = defineControl({
  id: "C-0234",
  description: "Workloads with no CSI volume naming a secretProviderClass do not use an external secret store.",
  remediation: "Use the Secrets Store CSI driver (secretProviderClass) with an external secret manager.",
  evaluate: (index) =>
    evaluateWorkloads(
      index,
      (wl) => {
        const volumes = Array.isArray(wl.spec.volumes) ? wl.spec.volumes : [];
        const external = volumes.some((v) => {
          const attrs = (v?.csi as { volumeAttributes?: Record<string, unknown> } | undefined)?.volumeAttributes;
          return !!attrs?.secretProviderClass;
        });
        return external ? null : [{ failedPath: `${wl.prefix}volumes[0].csi.volumeAttributes.secretProviderClass` }];
      },
      KINDS,
    ),
});
