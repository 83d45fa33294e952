import { inputList } from "../engine/defaultInputs.ts";
import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { ContainerLike } from "./lib/wlPodSpec.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

function looksLike(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "i").test(value);
  } catch {
    return value.toLowerCase().includes(pattern.toLowerCase());
  }
}

/**
 * Workloads holding credentials in plain environment variables: a variable whose name contains
 * one of `sensitiveKeyNames`, or whose value matches one of `sensitiveValues`, unless allowed by
 * `sensitiveKeyNamesAllowed` / `sensitiveValuesAllowed`. References (secretKeyRef/configMapKeyRef)
 * and file paths are not credentials. `envFrom` secretRefs are reported as well; init containers
 * are checked like containers.
 */
export const control = defineControl({
  id: "C-0259",
  description: "Credentials written into environment variables are readable by anyone who can read the workload spec.",
  remediation: "Move credentials into Secrets and reference them (preferably as mounted files).",
  evaluate: (index, inputs) => {
    const keyNames = inputList(inputs, "sensitiveKeyNames").map((k) => k.toLowerCase());
    const keyAllowed = inputList(inputs, "sensitiveKeyNamesAllowed").map((k) => k.toLowerCase());
    const values = inputList(inputs, "sensitiveValues");
    const valuesAllowed = inputList(inputs, "sensitiveValuesAllowed");
    return evaluateWorkloads(index, (wl) => {
      const paths: RulePaths[] = [];
      const flag = (p: string) => paths.push({ failedPath: p, deletePath: p });
      for (const field of ["containers", "initContainers"] as const) {
        const list = Array.isArray(wl.spec[field]) ? (wl.spec[field] as ContainerLike[]) : [];
        list.forEach((c, i) => {
          if (!c || typeof c !== "object") return;
          (Array.isArray(c.env) ? c.env : []).forEach((env, j) => {
            if (!env || typeof env.name !== "string") return;
            const value = typeof env.value === "string" ? env.value : "";
            const ref = env.valueFrom && typeof env.valueFrom === "object" && (env.valueFrom.secretKeyRef || env.valueFrom.configMapKeyRef);
            if (ref || value === "" || value.startsWith("/")) return;
            const name = env.name.toLowerCase();
            if (keyAllowed.some((a) => name.includes(a)) || valuesAllowed.some((a) => looksLike(a, value))) return;
            if (!keyNames.some((k) => name.includes(k)) && !values.some((v) => looksLike(v, value))) return;
            flag(`${wl.prefix}${field}[${i}].env[${j}].name`);
            flag(`${wl.prefix}${field}[${i}].env[${j}].value`);
          });
          // A whole Secret loaded into the environment is credential access too.
          (Array.isArray(c.envFrom) ? c.envFrom : []).forEach((e, k) => {
            if (e && typeof e === "object" && e.secretRef) flag(`${wl.prefix}${field}[${i}].envFrom[${k}].secretRef`);
          });
        });
      }
      return paths.length ? paths : null;
    });
  },
});
