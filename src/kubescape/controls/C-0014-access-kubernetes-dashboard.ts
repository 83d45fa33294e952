import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { BINDING_INDEX, subjectVectors } from "./lib/rbac.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateWorkloads, verdict } from "./lib/workload.ts";

const DASHBOARD = "kubernetes-dashboard";

/**
 * Subjects other than the dashboard's own bound to the kubernetes-dashboard role, and workloads
 * other than the dashboard running under its service account.
 */
export const control = defineControl({
  id: "C-0014",
  description: "Fails subjects (other than kubernetes-dashboard) bound to the kubernetes-dashboard role, and non-dashboard workloads using the kubernetes-dashboard service account.",
  remediation: "Bind the dashboard role only to the dashboard's service account and run no other workload under it.",
  evaluate: (index) => {
    const subjects: ResourceResult[] = subjectVectors(index).map((v) => {
      const bad = v.role.metadata.name === DASHBOARD && v.subject.metadata.name !== DASHBOARD;
      if (!bad) return { object: v.subject, status: "passed", paths: [], related: [v.binding, v.role] };
      // kubescape names every subject entry of the binding, then the roleRef
      const subjects = (v.binding as Json).subjects as unknown[];
      const paths = [...subjects.map((_, k) => `relatedObjects[${BINDING_INDEX}].subjects[${k}]`), `relatedObjects[${BINDING_INDEX}].roleRef.name`];
      return { object: v.subject, status: "failed", paths: paths.map((p) => ({ failedPath: p, reviewPath: p })), related: [v.binding, v.role] };
    });
    const workloads = evaluateWorkloads(index, (t, wl) => {
      if (t.spec.serviceAccountName !== DASHBOARD || wl.metadata.name.startsWith(DASHBOARD)) return [];
      const path = `${t.path}.serviceAccountName`;
      return [{ failedPath: path, deletePath: path }];
    });
    return { results: [...subjects, ...workloads.results.map((r) => (r.status === "passed" ? verdict(r.object, []) : r))] };
  },
});
