import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { subjectVectors } from "./lib/rbac.ts";

/**
 * Service accounts that hold RBAC permissions: any pod running under them (or anyone who steals
 * their token) can use those rights. kubescape lists every ServiceAccount subject of a binding.
 */
export const control = defineControl({
  id: "C-0053",
  description: "Lists every service account bound to a Role or ClusterRole: a pod using it, or anyone holding its token, can use those permissions.",
  remediation: "Grant service accounts only the permissions their workloads need, and set automountServiceAccountToken: false where the API is not used.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const v of subjectVectors(index)) {
      if (v.subject.kind !== "ServiceAccount") continue;
      results.push({ object: v.subject, status: "failed", paths: [], related: [v.binding, v.role] });
    }
    return { results };
  },
});
