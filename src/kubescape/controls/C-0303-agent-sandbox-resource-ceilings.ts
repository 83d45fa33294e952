import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containerLists, evaluateSandboxTemplates, sandboxPodSpec } from "./lib/sandboxTemplates.ts";

/** Every agent sandbox container (and init container) needs CPU and memory limits. */
export const control = defineControl({
  id: "C-0303",
  description: "Agent sandboxes without CPU and memory limits can exhaust the node they run on.",
  remediation: "Set resources.limits.cpu and resources.limits.memory on every container of the SandboxTemplate.",
  evaluate: (index) =>
    evaluateSandboxTemplates(index, (t) => {
      const paths: RulePaths[] = [];
      for (const { field, items } of containerLists(sandboxPodSpec(t))) {
        items.forEach((c, i) => {
          const limits = ((c.resources as { limits?: Record<string, unknown> } | undefined)?.limits ?? {}) as Record<string, unknown>;
          if (["cpu", "memory"].some((r) => limits[r] === undefined || limits[r] === "" || limits[r] === null)) paths.push({ failedPath: `spec.podTemplate.spec.${field}[${i}].resources.limits` });
        });
      }
      return paths.length ? paths : null;
    }),
});
