import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Gateway API routes whose Service backendRefs name a Service that does not exist (non-Service backends are skipped). */
export const control = defineControl({
  id: "C-0302",
  description: "A route backend naming a missing Service drops the traffic sent to it.",
  remediation: "Create the Service or fix the backendRef name/namespace.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const kind of ["HTTPRoute", "TCPRoute", "UDPRoute"]) {
      for (const route of index.byKind(kind)) {
        const routeNs = route.metadata.namespace ?? "default";
        const rules = ((route.spec ?? {}) as { rules?: Array<{ backendRefs?: Array<{ kind?: string; group?: string; name?: unknown; namespace?: string }> }> }).rules;
        const paths: Array<{ failedPath: string }> = [];
        (Array.isArray(rules) ? rules : []).forEach((r, i) =>
          (Array.isArray(r?.backendRefs) ? r.backendRefs : []).forEach((ref, j) => {
            if (!ref || (ref.kind ?? "Service") !== "Service" || (ref.group ?? "") !== "" || typeof ref.name !== "string") return;
            const ns = ref.namespace ?? routeNs;
            const exists = index.get("Service", ns, ref.name) ?? (ns === "default" ? index.get("Service", "", ref.name) : undefined);
            if (!exists) paths.push({ failedPath: `spec.rules[${i}].backendRefs[${j}].name` });
          }),
        );
        results.push(paths.length ? { object: route, status: "failed", paths } : { object: route, status: "passed", paths: [] });
      }
    }
    return { results };
  },
});
