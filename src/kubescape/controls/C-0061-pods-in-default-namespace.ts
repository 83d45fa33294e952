import { defineControl } from "./define.ts";
import { evaluateWorkloads, failed, fix } from "./lib/workload.ts";

/** Workloads in the default namespace (or with no namespace set). */
export const control = defineControl({
  id: "C-0061",
  description: "Fails workloads placed in the default namespace, or with no namespace set (they land there), where isolation and policies are weakest.",
  remediation: "Create a namespace per application or team and deploy workloads there.",
  evaluate: (index) =>
    evaluateWorkloads(index, (_t, wl) => {
      const ns = wl.metadata.namespace;
      if (ns === "default") return [failed("metadata.namespace")];
      if (ns === undefined || ns === null || ns === "") return [fix("metadata.namespace", "YOUR_NAMESPACE")];
      return [];
    }),
});
