import { defineControl } from "./define.ts";
import { evaluateWorkloadsWithRc } from "./lib/wlWithRc.ts";

/** Workloads naming a serviceAccountName that does not exist in their namespace ("default" and empty always exist). */
export const control = defineControl({
  id: "C-0307",
  description: "Pods referencing a missing ServiceAccount are rejected at creation, so the workload never starts.",
  remediation: "Create the ServiceAccount or fix serviceAccountName.",
  evaluate: (index) =>
    evaluateWorkloadsWithRc(index, (wl) => {
      const name = wl.spec.serviceAccountName;
      if (typeof name !== "string" || name === "" || name === "default") return null;
      const exists = index.get("ServiceAccount", wl.namespace, name) ?? (wl.namespace === "default" ? index.get("ServiceAccount", "", name) : undefined);
      return exists ? null : [{ failedPath: `${wl.prefix}serviceAccountName` }];
    }),
});
