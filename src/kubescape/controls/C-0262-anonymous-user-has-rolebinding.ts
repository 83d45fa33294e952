import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

const ANONYMOUS = new Set(["system:anonymous", "system:unauthenticated"]);

/** Bindings that grant a role to unauthenticated requests (system:anonymous / system:unauthenticated). */
export const control = defineControl({
  id: "C-0262",
  description: "A RoleBinding or ClusterRoleBinding naming system:anonymous or system:unauthenticated gives permissions to anyone who can reach the API server.",
  remediation: "Remove system:anonymous and system:unauthenticated from the binding's subjects.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const kind of ["RoleBinding", "ClusterRoleBinding"]) {
      for (const binding of index.byKind(kind)) {
        const subjects = Array.isArray(binding.subjects) ? (binding.subjects as Array<{ name?: unknown }>) : [];
        const paths = subjects.flatMap((s, i) => (s && typeof s.name === "string" && ANONYMOUS.has(s.name) ? [{ failedPath: `subjects[${i}]`, deletePath: `subjects[${i}]` }] : []));
        results.push(paths.length ? { object: binding, status: "failed", paths } : { object: binding, status: "passed", paths: [] });
      }
    }
    return { results };
  },
});
