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
      const impersonation = permissionPaths(v, IMPERSONATE);
      const paths = toRulePaths([...new Set([...reviewed, ...impersonation])], "failed+review");
      results.push(paths.length ? { object: v, status: "failed", paths, related: [...v.relatedObjects] } : { object: v, status: "passed", paths: [] });
    }
    return { results };
  },
});
