import type { K8sObject, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** True when some binding grants the account permissions (directly or through system:serviceaccounts / system:authenticated). */
function hasBinding(bindings: readonly K8sObject[], sa: K8sObject): boolean {
  return bindings.some((b) =>
    (Array.isArray(b.subjects) ? (b.subjects as Array<{ kind?: string; name?: string; namespace?: string }>) : []).some(
      (s) =>
        (s?.kind === "ServiceAccount" && s.name === sa.metadata.name && (s.namespace ?? "default") === (sa.metadata.namespace ?? "default")) ||
        s?.name === "system:authenticated" ||
        s?.name === "system:serviceaccounts",
    ),
  );
}

/**
 * Workloads that get a token mounted for a ServiceAccount that actually holds RBAC permissions:
 * the pod spec does not set automountServiceAccountToken: false (nor does the account).
 */
export const control = defineControl({
  id: "C-0261",
  description: "A mounted token of a ServiceAccount with role bindings lets anyone inside the container use its permissions.",
  remediation: "Set automountServiceAccountToken: false on workloads that do not call the Kubernetes API.",
  evaluate: (index) => {
    const bindings = [...index.byKind("RoleBinding"), ...index.byKind("ClusterRoleBinding")];
    return evaluateWorkloads(index, (wl) => {
      const name = typeof wl.spec.serviceAccountName === "string" && wl.spec.serviceAccountName ? wl.spec.serviceAccountName : "default";
      const sa = index.get("ServiceAccount", wl.namespace, name);
      if (!sa || !hasBinding(bindings, sa)) return null;
      const at = `${wl.prefix}automountServiceAccountToken`;
      const own = wl.spec.automountServiceAccountToken;
      if (own === false) return null;
      if (own === true) return [{ failedPath: at, reviewPath: at }] satisfies RulePaths[];
      if (sa.automountServiceAccountToken === false) return null;
      return [{ fixPath: { path: at, value: "false" } }];
    });
  },
});
