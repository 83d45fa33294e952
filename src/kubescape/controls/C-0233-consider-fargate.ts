import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** CIS (EKS): when no node is a Fargate node (name prefix "fargate"), every node is listed. */
export const control = defineControl({
  id: "C-0233",
  description: "Fargate isolates untrusted workloads in their own micro-VMs; clusters with no Fargate node are reported.",
  remediation: "Run untrusted workloads on Fargate profiles.",
  evaluate: (index) => {
    const nodes = index.byKind("Node");
    const anyFargate = nodes.some((n) => n.metadata.name.startsWith("fargate"));
    const results: ResourceResult[] = nodes.map((n) => (anyFargate || n.metadata.name.startsWith("fargate") ? { object: n, status: "passed", paths: [] } : { object: n, status: "failed", paths: [] }));
    return { results };
  },
});
