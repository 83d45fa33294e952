import type { K8sObject, ResourceIndex, ResourceResult } from "../../types.ts";
import type { PolicyRule } from "./subjectVectors.ts";
import { workloadViews } from "./wlPodSpec.ts";

/**
 * Workloads whose mounted ServiceAccount token carries a dangerous role: the account is found in
 * the workload's namespace, its token is mounted (pod spec true, or unset and the account does not
 * opt out), and a binding naming the account refers to a Role/ClusterRole matching `dangerous`.
 * The account, binding and role are attached as related objects.
 */
export function evaluateWorkloadRoles(index: ResourceIndex, dangerous: (rules: PolicyRule[]) => boolean): { results: ResourceResult[] } {
  const bindings = [...index.byKind("RoleBinding"), ...index.byKind("ClusterRoleBinding")];
  const results: ResourceResult[] = [];
  for (const wl of workloadViews(index)) {
    const name = typeof wl.spec.serviceAccountName === "string" && wl.spec.serviceAccountName ? wl.spec.serviceAccountName : "default";
    const sa = index.get("ServiceAccount", wl.namespace, name) ?? (wl.namespace === "default" ? index.get("ServiceAccount", "", name) : undefined);
    const own = wl.spec.automountServiceAccountToken;
    const mounted = sa !== undefined && (own === true || (own !== false && sa.automountServiceAccountToken !== false));
    const related: K8sObject[] = [];
    if (mounted && sa) {
      for (const b of bindings) {
        const subjects = Array.isArray(b.subjects) ? (b.subjects as Array<{ kind?: string; name?: string; namespace?: string }>) : [];
        if (!subjects.some((s) => s?.kind === "ServiceAccount" && s.name === sa.metadata.name && (s.namespace ?? "default") === (sa.metadata.namespace ?? "default"))) continue;
        const ref = b.roleRef as { kind?: string; name?: string } | undefined;
        if (!ref?.name) continue;
        const role = ref.kind === "Role" ? index.get("Role", b.metadata.namespace ?? "", ref.name) : index.get("ClusterRole", "", ref.name);
        if (!role || !Array.isArray(role.rules) || !dangerous(role.rules as PolicyRule[])) continue;
        related.push(b, role);
      }
    }
    results.push(related.length && sa ? { object: wl.object, status: "failed", paths: [], related: [sa, ...related] } : { object: wl.object, status: "passed", paths: [] });
  }
  return { results };
}

/** True when some rule grants one of `verbs` on one of `resources` in the core (or any) API group. */
export function grants(rules: PolicyRule[], resources: readonly string[], verbs: readonly string[]): boolean {
  return rules.some(
    (r) =>
      (r?.resources ?? []).some((x) => resources.includes(x)) &&
      (r?.verbs ?? []).some((x) => verbs.includes(x)) &&
      (r?.apiGroups ?? []).some((x) => x === "" || x === "*"),
  );
}
