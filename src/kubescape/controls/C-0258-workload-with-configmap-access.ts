import { defineControl } from "./define.ts";
import { evaluateMountedObjects } from "./lib/wlMountedVolumes.ts";

/** Workloads mounting a ConfigMap as a volume. */
export const control = defineControl({
  id: "C-0258",
  description: "Workloads that mount a ConfigMap volume can read its configuration (which sometimes carries credentials).",
  remediation: "Mount ConfigMaps only where needed and keep credentials out of them.",
  evaluate: (index) => evaluateMountedObjects(index, "ConfigMap", (v) => (v.configMap as { name?: string } | undefined)?.name, true),
});
