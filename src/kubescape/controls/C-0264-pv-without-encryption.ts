import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** AWS (parameters.encrypted=true), Azure disks and GKE persistent disks encrypt at rest. */
function encrypted(sc: K8sObject): boolean {
  const params = sc.parameters as Record<string, unknown> | undefined;
  if (params?.encrypted === "true") return true;
  const provisioner = typeof sc.provisioner === "string" ? sc.provisioner : "";
  return provisioner.includes("azure") || provisioner.includes("csi.storage.gke.io");
}

/** PersistentVolumes whose StorageClass (in the scan) does not encrypt data at rest. */
export const control = defineControl({
  id: "C-0264",
  description: "Volumes provisioned from a StorageClass without encryption keep data unencrypted at rest.",
  remediation: "Use a StorageClass that encrypts volumes (e.g. parameters.encrypted: \"true\" on AWS EBS).",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const pv of index.byKind("PersistentVolume")) {
      const scName = (pv.spec as { storageClassName?: string } | undefined)?.storageClassName;
      const sc = scName ? index.get("StorageClass", "", scName) : undefined;
      if (!sc) continue;
      results.push(
        encrypted(sc)
          ? { object: pv, status: "passed", paths: [] }
          : { object: pv, status: "failed", paths: [{ fixPath: { path: "spec.storageClassName", value: "<your encrypted storage class>" } }], related: [sc] },
      );
    }
    return { results };
  },
});
