import { defineControl } from "./define.ts";
import { evaluateWorkloads, failed } from "./lib/workload.ts";

/** Pods sharing the host's PID or IPC namespace. */
export const control = defineControl({
  id: "C-0038",
  description: "Fails workloads whose pod spec sets hostPID or hostIPC to true, exposing host processes and shared memory to the containers.",
  remediation: "Remove hostPID and hostIPC from the pod spec (both default to false).",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => [
      ...(t.spec.hostPID === true ? [failed(`${t.path}.hostPID`)] : []),
      ...(t.spec.hostIPC === true ? [failed(`${t.path}.hostIPC`)] : []),
    ]),
});
