import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** CIS 5.2.x (v1.10+): workloads sharing the host's IPC namespace (hostIPC: true). */
export const control = defineControl({
  id: "C-0276",
  description: "Pods with hostIPC: true share the node's IPC namespace and can reach processes outside the container.",
  remediation: "Remove hostIPC (it defaults to false) from the pod spec.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => (wl.spec.hostIPC === true ? [{ failedPath: `${wl.prefix}hostIPC`, deletePath: `${wl.prefix}hostIPC` }] : null)),
});
