import { defineControl } from "./define.ts";
import type { PolicyRule, RbacSubject } from "./lib/subjectVectors.ts";
import { evaluateSubjects } from "./lib/subjectVectors.ts";

/** Resources whose access lets a subject run code or read credentials cluster-wide. */
const SENSITIVE = new Set(["*", "pods", "pods/exec", "pods/attach", "pods/portforward", "deployments", "statefulset", "daemonset", "jobs", "cronjobs", "nodes", "secrets"]);

/** The system:authenticated group bound to a role touching workloads, exec/attach/port-forward, nodes or secrets. */
export const control = defineControl({
  id: "C-0265",
  description: "Every authenticated identity belongs to system:authenticated (in some clouds, any account holder); it must not hold roles over workloads, nodes or secrets.",
  remediation: "Remove system:authenticated from bindings to such roles; bind specific users or groups instead.",
  evaluate: (index) =>
    evaluateSubjects(index, "failed+review", (v) => {
      if (v.kind !== "Group" || v.name !== "system:authenticated") return [];
      const [binding, role] = v.relatedObjects;
      const rules = Array.isArray(role.rules) ? (role.rules as PolicyRule[]) : [];
      if (!rules.some((r) => Array.isArray(r?.resources) && r.resources.some((x) => SENSITIVE.has(x)))) return [];
      const subjects = Array.isArray(binding.subjects) ? (binding.subjects as RbacSubject[]) : [];
      // kubescape's rule starts its path list with an empty entry; it is kept so reports match.
      return subjects.flatMap((s, k) =>
        s?.kind === "Group" && s.name === "system:authenticated" ? ["", `relatedObjects[0].subjects[${k}]`, "relatedObjects[1].roleRef.name"] : [],
      );
    }),
});
