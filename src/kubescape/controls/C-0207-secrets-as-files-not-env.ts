import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** CIS 5.4.1: Secrets in environment variables leak through logs, crash dumps and child processes. */
export const control = defineControl({
  id: "C-0207",
  description: "Containers that read Secrets through env valueFrom.secretKeyRef; mounting them as files is preferred.",
  remediation: "Mount Secrets as volumes and read them from files instead of environment variables.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).flatMap((c, i) =>
        (Array.isArray(c.env) ? c.env : []).flatMap((e, j) => (e?.valueFrom && typeof e.valueFrom === "object" && e.valueFrom.secretKeyRef ? [{ failedPath: `${wl.prefix}containers[${i}].env[${j}].name` }] : [])),
      );
      return paths.length ? paths : null;
    }),
});
