import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { resultFor } from "./lib/hostData.ts";
import { isOwnedPod, podSpecOf } from "./lib/hostPodSpec.ts";

const KINDS = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "Pod"]);

/** External secret storage: workloads mount secrets through a Secrets Store CSI SecretProviderClass. */
export const control = defineControl({
  id: "C-0208",
  description: "Checks that workloads take their secrets from an external store (a Secrets Store CSI volume with a secretProviderClass) rather than only from Kubernetes Secrets.",
  remediation: "Mount secrets through the Secrets Store CSI driver with a SecretProviderClass backed by an external secret manager.",
  implementation: "host",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const wl of index.workloads()) {
      if (!KINDS.has(wl.kind) || isOwnedPod(wl)) continue;
      const at = podSpecOf(wl);
      if (!at) continue;
      const volumes = (at.spec.volumes as Array<{ csi?: { volumeAttributes?: Record<string, string> } }> | undefined) ?? [];
      const external = volumes.some((v) => !!v.csi?.volumeAttributes?.secretProviderClass);
      results.push(resultFor(wl, external ? [] : [{ failedPath: `${at.path}.volumes[0].csi.volumeAttributes.secretProviderClass` }]));
    }
    return { results };
  },
});
