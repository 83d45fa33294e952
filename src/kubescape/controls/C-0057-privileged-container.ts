import { defineControl } from "./define.ts";
import { evaluateContainers, failed } from "./lib/workload.ts";

/** Privileged containers. */
export const control = defineControl({
  id: "C-0057",
  description: "Fails workloads with a container whose securityContext.privileged is true: it gets every host capability and device.",
  remediation: "Set securityContext.privileged to false (or remove it) and add only the specific capabilities needed.",
  evaluate: (index) =>
    evaluateContainers(index, (c) => (c.container.securityContext?.privileged === true ? [failed(`${c.path}.securityContext.privileged`)] : [])),
});
