import { defineControl } from "./define.ts";
import { evaluateContainers } from "./lib/workload.ts";

/** Containers binding a host port. */
export const control = defineControl({
  id: "C-0044",
  description: "Fails workloads with a container port that sets hostPort, which ties the pod to a node port and bypasses network policy.",
  remediation: "Remove hostPort and expose the container through a Service instead.",
  evaluate: (index) =>
    evaluateContainers(index, (c) => {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) return [];
      return ports.flatMap((p, j) => {
        if (!p || !p.hostPort) return [];
        const path = `${c.path}.ports[${j}].hostPort`;
        return [{ failedPath: path, deletePath: path }];
      });
    }),
});
