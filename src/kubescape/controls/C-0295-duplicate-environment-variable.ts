import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** Containers declaring the same environment variable twice (the later one silently wins). */
export const control = defineControl({
  id: "C-0295",
  description: "A duplicated environment variable hides the first value; the container may not run with what the author intended.",
  remediation: "Remove the duplicate env entries so each name appears once.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) => {
        const seen = new Set<string>();
        return (Array.isArray(c.env) ? c.env : []).flatMap((e, j) => {
          if (!e || typeof e.name !== "string") return [];
          const dup = seen.has(e.name);
          seen.add(e.name);
          return dup ? [{ failedPath: `${wl.prefix}containers[${i}].env[${j}].name` }] : [];
        });
      });
      return paths.length ? paths : null;
    }),
});
