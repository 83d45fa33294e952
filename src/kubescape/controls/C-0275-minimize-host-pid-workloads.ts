import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** CIS 5.2.x (v1.10+): workloads sharing the host's process ID namespace (hostPID: true). */
export const control = defineControl({
  id: "C-0275",
  description: "Pods with hostPID: true share the node's process ID namespace and can reach processes outside the container.",
  remediation: "Remove hostPID (it defaults to false) from the pod spec.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => (wl.spec.hostPID === true ? [{ failedPath: `${wl.prefix}hostPID`, deletePath: `${wl.prefix}hostPID` }] : null)),
});
