import { defineControl } from "./define.ts";
import { evaluateMountedObjects } from "./lib/wlMountedVolumes.ts";

/** Workloads mounting a Secret as a volume: they hold credentials an attacker would take first. */
export const control = defineControl({
  id: "C-0255",
  description: "Workloads that mount a Secret volume have direct access to its credentials.",
  remediation: "Mount Secrets only into the workloads that need them, read-only and with narrow items.",
  evaluate: (index) => evaluateMountedObjects(index, "Secret", (v) => (v.secret as { secretName?: string } | undefined)?.secretName),
});
