import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { ContainerLike } from "./lib/wlPodSpec.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

function containers(list: unknown): ContainerLike[] {
  return Array.isArray(list) ? list : [];
}

/**
 * CIS 5.4.1: Secrets in environment variables leak through logs, crash dumps and child processes.
 * Containers and init containers are checked for env valueFrom.secretKeyRef (the variable's name is
 * reported) and envFrom secretRef (the reference is reported); both are deletable.
 */
export const control = defineControl({
  id: "C-0207",
  description: "Containers that read Secrets through environment variables (env secretKeyRef or envFrom secretRef); mounting them as files is preferred.",
  remediation: "Mount Secrets as volumes and read them from files instead of environment variables.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths: RulePaths[] = [];
      for (const field of ["containers", "initContainers"] as const) {
        containers(wl.spec[field]).forEach((c, i) => {
          if (!c || typeof c !== "object") return;
          (Array.isArray(c.env) ? c.env : []).forEach((e, j) => {
            const ref = e?.valueFrom && typeof e.valueFrom === "object" ? e.valueFrom.secretKeyRef : undefined;
            if (ref) paths.push({ failedPath: `${wl.prefix}${field}[${i}].env[${j}].name`, deletePath: `${wl.prefix}${field}[${i}].env[${j}].name` });
          });
          (Array.isArray(c.envFrom) ? c.envFrom : []).forEach((e, k) => {
            if (e && typeof e === "object" && e.secretRef) paths.push({ failedPath: `${wl.prefix}${field}[${i}].envFrom[${k}].secretRef`, deletePath: `${wl.prefix}${field}[${i}].envFrom[${k}].secretRef` });
          });
        });
      }
      return paths.length ? paths : null;
    }),
});
