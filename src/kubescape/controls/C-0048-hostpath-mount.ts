import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/workload.ts";

/** Pods with any hostPath volume: the volume and every mount of it are reported (failed and delete paths). */
export const control = defineControl({
  id: "C-0048",
  description: "Fails workloads that declare a hostPath volume, which exposes the node's file system to the pod; the volume and each container or init container mount of it are reported.",
  remediation: "Replace hostPath volumes with persistent volumes, configmaps or emptyDir.",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => {
      const volumes = t.spec.volumes;
      if (!Array.isArray(volumes)) return [];
      const out: RulePaths[] = [];
      volumes.forEach((v, i) => {
        if (!v?.hostPath) return;
        const paths = [`${t.path}.volumes[${i}]`];
        for (const c of containersOf(t, ["containers", "initContainers"])) {
          const mounts = c.container.volumeMounts;
          if (!Array.isArray(mounts)) continue;
          mounts.forEach((m, k) => {
            if (m?.name === v.name) paths.push(`${c.path}.volumeMounts[${k}]`);
          });
        }
        for (const path of paths) out.push({ failedPath: path, deletePath: path });
      });
      return out;
    }),
});
