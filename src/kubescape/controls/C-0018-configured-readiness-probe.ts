import { defineControl } from "./define.ts";
import { evaluateContainers, fix } from "./lib/workload.ts";

/** Containers without a readinessProbe. */
export const control = defineControl({
  id: "C-0018",
  description: "Fails containers that define no readinessProbe, so Kubernetes cannot tell when the application is ready for traffic.",
  remediation: "Add a readinessProbe (httpGet, tcpSocket, grpc or exec) to every container.",
  evaluate: (index) => evaluateContainers(index, (c) => (c.container.readinessProbe ? [] : [fix(`${c.path}.readinessProbe`, "YOUR_VALUE")])),
});
