import { defineControl } from "./define.ts";
import { evaluateContainers, failed } from "./lib/workload.ts";

/** Containers without both CPU and memory limits. */
export const control = defineControl({
  id: "C-0009",
  description: "Fails containers that do not set both resources.limits.cpu and resources.limits.memory, so one pod can starve the node.",
  remediation: "Set CPU and memory limits on every container (or a LimitRange default in the namespace).",
  evaluate: (index) =>
    evaluateContainers(index, (c) => {
      const limits = c.container.resources?.limits;
      if (!limits) return [failed(`${c.path}.resources`)];
      if (!limits.cpu || !limits.memory) return [failed(`${c.path}.resources.limits`)];
      return [];
    }),
});
