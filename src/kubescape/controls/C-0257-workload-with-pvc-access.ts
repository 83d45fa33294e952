import { defineControl } from "./define.ts";
import { evaluateMountedObjects } from "./lib/wlMountedVolumes.ts";

/** Workloads mounting a PersistentVolumeClaim: they can read and change persistent data. */
export const control = defineControl({
  id: "C-0257",
  description: "Workloads that mount a PersistentVolumeClaim have access to persistent data.",
  remediation: "Mount PVCs only where needed, read-only when writes are not required.",
  evaluate: (index) => evaluateMountedObjects(index, "PersistentVolumeClaim", (v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName),
});
