import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** CIS 5.7.1: a review control: every Namespace is listed so the boundaries they draw can be checked by hand. */
export const control = defineControl({
  id: "C-0209",
  description: "Lists every namespace for review: namespaces should separate teams and applications.",
  remediation: "Review the namespaces and create new ones to separate resources where boundaries are missing.",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Namespace").map((ns) => ({ object: ns, status: "failed", paths: [] }));
    return { results };
  },
});
