import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads, fix } from "./lib/workload.ts";

/** Containers mounting a hostPath volume without readOnly. */
export const control = defineControl({
  id: "C-0045",
  description: "Fails workloads where a container or init container mounts a hostPath volume without readOnly: true, letting it write to the node.",
  remediation: "Set readOnly: true on mounts of hostPath volumes, or avoid hostPath.",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => {
      const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
      const hostVolumes = new Set(volumes.filter((v) => v && v.hostPath).map((v) => v.name));
      if (hostVolumes.size === 0) return [];
      return containersOf(t, ["containers", "initContainers"]).flatMap((c) => {
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) return [];
        return mounts.flatMap((m, k) => {
          if (!m || !hostVolumes.has(m.name) || m.readOnly === true) return [];
          // kubescape suggests the fix whether readOnly is false or missing
          return [fix(`${c.path}.volumeMounts[${k}].readOnly`, "true")];
        });
      });
    }),
});
