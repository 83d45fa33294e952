import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Deployments with an explicit strategy other than RollingUpdate (Recreate takes the app down during updates); unset means RollingUpdate. */
export const control = defineControl({
  id: "C-0305",
  description: "The Recreate strategy stops every pod before starting new ones, causing downtime on each rollout.",
  remediation: "Use spec.strategy.type: RollingUpdate.",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Deployment").map((d) => {
      const type = ((d.spec ?? {}) as { strategy?: { type?: unknown } }).strategy?.type;
      if (type === undefined || type === "RollingUpdate") return { object: d, status: "passed", paths: [] };
      return { object: d, status: "failed", paths: [{ failedPath: "spec.strategy.type", reviewPath: "spec.strategy.type" }, { fixPath: { path: "spec.strategy.type", value: "RollingUpdate" } }] };
    });
    return { results };
  },
});
