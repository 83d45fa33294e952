import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { defaultAccountResults } from "./lib/defaultServiceAccounts.ts";

/**
 * CIS 5.1.5: default service accounts should not be used. A "default" ServiceAccount that mounts
 * tokens fails, and so does a Namespace that has no ServiceAccount of its own (its workloads can
 * only run as "default").
 */
export const control = defineControl({
  id: "C-0189",
  description: "Workloads should run under dedicated service accounts; the default one should not mount tokens.",
  remediation: "Set automountServiceAccountToken: false on each default ServiceAccount and create dedicated accounts per workload.",
  evaluate: (index) => {
    const results: ResourceResult[] = defaultAccountResults(index);
    const ownAccounts = new Set(index.byKind("ServiceAccount").filter((sa) => sa.metadata.name !== "default").map((sa) => sa.metadata.namespace ?? ""));
    for (const ns of index.byKind("Namespace")) {
      results.push(ownAccounts.has(ns.metadata.name) ? { object: ns, status: "passed", paths: [] } : { object: ns, status: "failed", paths: [] });
    }
    return { results };
  },
});
