import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** Containers without memory requests: each one missing gets a fix at resources.requests.memory. */
export const control = defineControl({
  id: "C-0269",
  description: "Containers without memory requests make scheduling and node resource protection unreliable.",
  remediation: "Set resources.requests.memory on every container.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) =>
        c.resources?.requests?.memory ? [] : [{ fixPath: { path: `${wl.prefix}containers[${i}].resources.requests.memory`, value: "YOUR_VALUE" } }],
      );
      return paths.length ? paths : null;
    }),
});
