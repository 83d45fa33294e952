import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/workload.ts";

/** Pods mounting any hostPath volume. */
export const control = defineControl({
  id: "C-0048",
  description: "Fails workloads that declare a hostPath volume, which exposes the node's file system to the pod.",
  remediation: "Replace hostPath volumes with persistent volumes, configmaps or emptyDir.",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => {
      const volumes = t.spec.volumes;
      if (!Array.isArray(volumes)) return [];
      return volumes.flatMap((v, i) => {
        if (!v?.hostPath?.path) return [];
        const path = `${t.path}.volumes[${i}].hostPath.path`;
        return [{ failedPath: path, deletePath: path }];
      });
    }),
});
