import { defineControl } from "./define.ts";
import { evaluateWorkloads, failed } from "./lib/workload.ts";

/** Pods on the host network. */
export const control = defineControl({
  id: "C-0041",
  description: "Fails workloads whose pod spec sets hostNetwork to true, giving containers the node's network stack.",
  remediation: "Remove hostNetwork from the pod spec unless the workload is a node-level network component.",
  evaluate: (index) => evaluateWorkloads(index, (t) => (t.spec.hostNetwork === true ? [failed(`${t.path}.hostNetwork`)] : [])),
});
