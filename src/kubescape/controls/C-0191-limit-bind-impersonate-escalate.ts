import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { permissionPaths, subjectVectors, toRulePaths } from "./lib/subjectVectors.ts";

const RBAC_ROLES = { apiGroups: ["rbac.authorization.k8s.io", "*"], resources: ["clusterroles", "roles", "*"] };
const IMPERSONATE = { verbs: ["impersonate", "*"], apiGroups: ["", "*"], resources: ["users", "serviceaccounts", "groups", "uids", "*"] };

/** CIS 5.1.8: subjects that may bind or escalate roles, or impersonate users, groups and service accounts. */
export const control = defineControl({
  id: "C-0191",
  description: "bind, escalate and impersonate let a subject grant itself permissions it does not have.",
  remediation: "Remove bind, escalate and impersonate from roles where they are not needed.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const v of subjectVectors(index)) {
      const reviewed = [
        ...permissionPaths(v, { verbs: ["bind", "*"], ...RBAC_ROLES }),
        ...permissionPaths(v, { verbs: ["escalate", "*"], ...RBAC_ROLES }),
      ];
      // kubescape's impersonation rule reports only failed paths and names the subject under roleRef.
      const impersonation = permissionPaths(v, IMPERSONATE, (k) => [`relatedObjects[0].roleRef.subjects[${k}]`, "relatedObjects[0].roleRef.name"]);
      const paths = [...toRulePaths([...new Set(reviewed)], "failed+review"), ...toRulePaths([...new Set(impersonation)], "failed")];
      results.push(paths.length ? { object: v, status: "failed", paths, related: [...v.relatedObjects] } : { object: v, status: "passed", paths: [] });
    }
    return { results };
  },
});
