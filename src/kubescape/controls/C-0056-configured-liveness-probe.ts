import { defineControl } from "./define.ts";
import { evaluateContainers, fix } from "./lib/workload.ts";

/** Containers without a livenessProbe. */
export const control = defineControl({
  id: "C-0056",
  description: "Fails containers that define no livenessProbe, so Kubernetes cannot tell when the application is stuck and needs a restart.",
  remediation: "Add a livenessProbe (httpGet, tcpSocket, grpc or exec) to every container.",
  evaluate: (index) => evaluateContainers(index, (c) => (c.container.livenessProbe ? [] : [fix(`${c.path}.livenessProbe`, "YOUR_VALUE")])),
});
