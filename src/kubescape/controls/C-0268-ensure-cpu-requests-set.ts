import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** Containers without CPU requests: each one missing gets a fix at resources.requests.cpu. */
export const control = defineControl({
  id: "C-0268",
  description: "Containers without CPU requests make scheduling and node resource protection unreliable.",
  remediation: "Set resources.requests.cpu on every container.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) =>
        c.resources?.requests?.cpu ? [] : [{ fixPath: { path: `${wl.prefix}containers[${i}].resources.requests.cpu`, value: "YOUR_VALUE" } }],
      );
      return paths.length ? paths : null;
    }),
});
