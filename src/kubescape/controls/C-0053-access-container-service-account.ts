import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { subjectVectors } from "./lib/rbac.ts";
import type { Json } from "./lib/workload.ts";

/**
 * Service accounts holding RBAC permissions whose token is mounted into pods (not switched off on
 * the ServiceAccount): anyone inside such a pod can use those permissions.
 */
export const control = defineControl({
  id: "C-0053",
  description: "Lists service accounts bound to a Role or ClusterRole whose ServiceAccount does not set automountServiceAccountToken: false, so pods carry a token with those rights.",
  remediation: "Set automountServiceAccountToken: false on service accounts whose pods do not need the API, and trim their bindings.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const v of subjectVectors(index)) {
      if (v.subject.kind !== "ServiceAccount") continue;
      const sa = index.get("ServiceAccount", v.subject.metadata.namespace ?? "", v.subject.metadata.name) as Json | undefined;
      const off = sa?.automountServiceAccountToken === false;
      results.push({ object: v.subject, status: off ? "passed" : "failed", paths: [], related: [v.binding, v.role] });
    }
    return { results };
  },
});
