import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Ingresses routing to a Service that does not exist in their namespace. */
export const control = defineControl({
  id: "C-0298",
  description: "An Ingress backend naming a missing Service returns errors for that route.",
  remediation: "Create the Service or fix the backend's service name.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const ing of index.byKind("Ingress")) {
      const ns = ing.metadata.namespace ?? "default";
      const exists = (name: unknown) => typeof name === "string" && !!(index.get("Service", ns, name) ?? (ns === "default" ? index.get("Service", "", name) : undefined));
      const spec = (ing.spec ?? {}) as { rules?: Array<{ http?: { paths?: Array<{ backend?: { service?: { name?: unknown } } }> } }>; defaultBackend?: { service?: { name?: unknown } } };
      const paths: Array<{ failedPath: string }> = [];
      (Array.isArray(spec.rules) ? spec.rules : []).forEach((r, i) =>
        (Array.isArray(r?.http?.paths) ? r.http.paths : []).forEach((p, j) => {
          const name = p?.backend?.service?.name;
          if (name !== undefined && !exists(name)) paths.push({ failedPath: `spec.rules[${i}].http.paths[${j}].backend.service.name` });
        }),
      );
      const def = spec.defaultBackend?.service?.name;
      if (def !== undefined && !exists(def)) paths.push({ failedPath: "spec.defaultBackend.service.name" });
      results.push(paths.length ? { object: ing, status: "failed", paths } : { object: ing, status: "passed", paths: [] });
    }
    return { results };
  },
});
