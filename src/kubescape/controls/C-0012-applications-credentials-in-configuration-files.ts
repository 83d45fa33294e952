import { DEFAULT_CONTROL_INPUTS } from "../engine/defaultInputs.ts";
import type { ResourceResult, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { ALL_CONTAINERS, evaluateContainers, inputOr, verdict } from "./lib/workload.ts";

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

function safeRegexI(source: string): RegExp | undefined {
  try {
    return new RegExp(source, "i");
  } catch {
    return undefined;
  }
}

function decodeBase64(s: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  try {
    return Buffer.from(s, "base64").toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * kubescape's rule-credentials-in-env-var and rule-credentials-configmap: plain env values and
 * ConfigMap data whose key name or value looks like a secret.
 */
export const control = defineControl({
  id: "C-0012",
  description: "Fails containers with literal env values suggesting a credential or envFrom.secretRef, and ConfigMaps with data entries whose key name (sensitiveKeyNames) or value (sensitiveValues) suggests a credential.",
  remediation: "Move credentials into Secrets and reference them with valueFrom.secretKeyRef or a mounted secret volume.",
  evaluate: (index, inputs) => {
    const keyNames = inputOr(inputs, "sensitiveKeyNames", DEFAULT_CONTROL_INPUTS.sensitiveKeyNames).map((k) => k.toLowerCase());
    const values = inputOr(inputs, "sensitiveValues", DEFAULT_CONTROL_INPUTS.sensitiveValues);
    const allowedKeys = inputOr(inputs, "sensitiveKeyNamesAllowed", []).map((k) => k.toLowerCase());
    const allowedValues = inputOr(inputs, "sensitiveValuesAllowed", []).map(safeRegex).filter((r): r is RegExp => !!r);
    const valueRegexes = values.map(safeRegex).filter((r): r is RegExp => !!r);
    // env values are matched case-insensitively, as kubescape's (?i) patterns
    const valueRegexesI = values.map(safeRegexI).filter((r): r is RegExp => !!r);
    const keyAllowed = (k: string) => allowedKeys.some((a) => k.toLowerCase().includes(a));
    const valueAllowed = (v: string) => allowedValues.some((r) => r.test(v));
    const sensitiveKey = (k: string) => keyNames.some((n) => k.toLowerCase().includes(n));

    const workloads = evaluateContainers(index, (c) => {
      const out: RulePaths[] = [];
      // a whole Secret injected as environment variables
      const envFrom = c.container.envFrom;
      if (Array.isArray(envFrom)) {
        envFrom.forEach((e: Json, k: number) => {
          if (e?.secretRef) out.push({ failedPath: `${c.path}.envFrom[${k}].secretRef`, deletePath: `${c.path}.envFrom[${k}].secretRef` });
        });
      }
      const env = c.container.env;
      if (!Array.isArray(env)) return out;
      env.forEach((e: Json, j: number) => {
        if (!e || typeof e.name !== "string" || typeof e.value !== "string") return;
        if (e.valueFrom?.secretKeyRef || e.valueFrom?.configMapKeyRef) return;
        if (e.value.startsWith("/")) return;
        if (valueAllowed(e.value) || keyAllowed(e.name)) return;
        const byKey = e.value !== "" && sensitiveKey(e.name);
        const byValue = valueRegexesI.some((r) => r.test(e.value));
        if (!byKey && !byValue) return;
        for (const field of ["name", "value"]) {
          const path = `${c.path}.env[${j}].${field}`;
          out.push({ failedPath: path, deletePath: path });
        }
      });
      return out;
    }, ALL_CONTAINERS);

    const configMaps: ResourceResult[] = index.byKind("ConfigMap").map((cm) => {
      const data = (cm as Json).data;
      const out: RulePaths[] = [];
      if (data && typeof data === "object") {
        for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
          if (typeof raw !== "string" || raw === "") continue;
          if (valueAllowed(raw) || keyAllowed(key)) continue;
          const decoded = decodeBase64(raw);
          const hit = sensitiveKey(key) || valueRegexes.some((r) => r.test(raw) || (decoded !== undefined && r.test(decoded)));
          if (hit) out.push({ failedPath: `data[${key}]`, deletePath: `data[${key}]` });
        }
      }
      return verdict(cm, out);
    });
    return { results: [...workloads.results, ...configMaps] };
  },
});
