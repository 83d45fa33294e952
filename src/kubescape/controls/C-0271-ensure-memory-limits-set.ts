import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** Containers without memory limits: each one missing gets a fix at resources.limits.memory. */
export const control = defineControl({
  id: "C-0271",
  description: "Containers without memory limits make scheduling and node resource protection unreliable.",
  remediation: "Set resources.limits.memory on every container.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) =>
        c.resources?.limits?.memory ? [] : [{ fixPath: { path: `${wl.prefix}containers[${i}].resources.limits.memory`, value: "YOUR_VALUE" } }],
      );
      return paths.length ? paths : null;
    }),
});
