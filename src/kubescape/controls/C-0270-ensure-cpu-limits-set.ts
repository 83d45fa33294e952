import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** Containers without CPU limits: each one missing gets a fix at resources.limits.cpu. */
export const control = defineControl({
  id: "C-0270",
  description: "Containers without CPU limits make scheduling and node resource protection unreliable.",
  remediation: "Set resources.limits.cpu on every container.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) =>
        c.resources?.limits?.cpu ? [] : [{ fixPath: { path: `${wl.prefix}containers[${i}].resources.limits.cpu`, value: "YOUR_VALUE" } }],
      );
      return paths.length ? paths : null;
    }),
});
