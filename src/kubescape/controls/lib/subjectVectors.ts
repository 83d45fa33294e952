import type { K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/**
 * Kubescape evaluates RBAC permissions per subject: for every (subject, binding, role) it builds
 * a "subject vector", an object for the User, Group or ServiceAccount whose `relatedObjects` are
 * `[binding, role]`. Paths in findings point into that vector (`relatedObjects[1].rules[0].verbs[0]`).
 */
export interface RbacSubject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface SubjectVector extends K8sObject {
  name: string;
  namespace?: string;
  apiGroup?: string;
  relatedObjects: [K8sObject, K8sObject];
}

const cache = new WeakMap<ResourceIndex, SubjectVector[]>();

function labelsMatch(labels: Record<string, string> | undefined, selector: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const vals = e.values ?? [];
    if (e.operator === "In" && !(has && vals.includes(l[e.key]!))) return false;
    if (e.operator === "NotIn" && has && vals.includes(l[e.key]!)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/**
 * A ClusterRole with an aggregationRule gets its rules filled in by the controller manager; in a
 * file scan they may be missing, so the rules of the selected ClusterRoles are appended here.
 */
function withAggregatedRules(role: K8sObject, index: ResourceIndex): K8sObject {
  const agg = role.aggregationRule as { clusterRoleSelectors?: unknown[] } | undefined;
  const own = Array.isArray(role.rules) ? (role.rules as PolicyRule[]) : [];
  if (role.kind !== "ClusterRole" || !agg || !Array.isArray(agg.clusterRoleSelectors) || own.length > 0) return role;
  const rules: PolicyRule[] = [];
  for (const other of index.byKind("ClusterRole")) {
    if (other === role || !Array.isArray(other.rules)) continue;
    const selected = agg.clusterRoleSelectors.some((s) => s && typeof s === "object" && labelsMatch(other.metadata.labels, s as never));
    if (selected) rules.push(...(other.rules as PolicyRule[]));
  }
  return rules.length ? { ...role, rules } : role;
}

function subjectKey(s: RbacSubject): string {
  return `${s.kind}|${s.name}|${s.namespace ?? ""}|${s.apiGroup ?? ""}`;
}

/** Every subject vector of the snapshot (cached per index so all controls share the objects). */
export function subjectVectors(index: ResourceIndex): SubjectVector[] {
  const hit = cache.get(index);
  if (hit) return hit;
  const out: SubjectVector[] = [];
  const roleCache = new Map<K8sObject, K8sObject>();
  const resolve = (binding: K8sObject): K8sObject | undefined => {
    const ref = binding.roleRef as { kind?: string; name?: string } | undefined;
    if (!ref?.name) return undefined;
    let role: K8sObject | undefined;
    if (ref.kind === "ClusterRole") role = index.get("ClusterRole", "", ref.name);
    else if (ref.kind === "Role" && binding.kind === "RoleBinding") role = index.get("Role", binding.metadata.namespace ?? "", ref.name);
    if (!role) return undefined;
    let r = roleCache.get(role);
    if (!r) roleCache.set(role, (r = withAggregatedRules(role, index)));
    return r;
  };
  for (const kind of ["ClusterRoleBinding", "RoleBinding"]) {
    for (const binding of index.byKind(kind)) {
      const role = resolve(binding);
      if (!role || !Array.isArray(binding.subjects)) continue;
      const seen = new Set<string>();
      for (const raw of binding.subjects as RbacSubject[]) {
        if (!raw || typeof raw.kind !== "string" || typeof raw.name !== "string") continue;
        const key = subjectKey(raw);
        if (seen.has(key)) continue;
        seen.add(key);
        const isSa = raw.kind === "ServiceAccount";
        const vector: SubjectVector = {
          apiVersion: isSa ? "v1" : "rbac.authorization.k8s.io/v1",
          kind: raw.kind,
          metadata: isSa ? { name: raw.name, namespace: raw.namespace } : { name: raw.name },
          name: raw.name,
          ...(raw.namespace !== undefined ? { namespace: raw.namespace } : {}),
          ...(raw.apiGroup !== undefined ? { apiGroup: raw.apiGroup } : {}),
          relatedObjects: [binding, role],
        };
        out.push(vector);
      }
    }
  }
  cache.set(index, out);
  return out;
}

/** Same subject the way kubescape compares them: kind and name, plus namespace or apiGroup. */
function sameSubject(v: SubjectVector, s: RbacSubject): boolean {
  if (v.kind !== s.kind || v.name !== s.name) return false;
  return (v.namespace ?? undefined) === (s.namespace ?? undefined) || (v.apiGroup ?? undefined) === (s.apiGroup ?? undefined);
}

export interface PermissionQuery {
  verbs: readonly string[];
  apiGroups: readonly string[];
  resources: readonly string[];
}

export type PathStyle = "failed" | "failed+review" | "failed+delete";

/** Paths for one matching rule of a vector's role, in kubescape's order, or undefined when the rule does not match. */
function rulePaths(rule: PolicyRule, p: number, q: PermissionQuery): string[] | undefined {
  const at = `relatedObjects[1].rules[${p}]`;
  const pick = (list: unknown, wanted: readonly string[], field: string): string[] =>
    Array.isArray(list) ? list.flatMap((v, i) => (typeof v === "string" && wanted.includes(v) ? [`${at}.${field}[${i}]`] : [])) : [];
  const resources = pick(rule.resources, q.resources, "resources");
  const verbs = pick(rule.verbs, q.verbs, "verbs");
  const groups = pick(rule.apiGroups, q.apiGroups, "apiGroups");
  if (!resources.length || !verbs.length || !groups.length) return undefined;
  return [...resources, ...verbs, ...groups];
}

export function toRulePaths(paths: string[], style: PathStyle): RulePaths[] {
  return paths.map((p) =>
    style === "failed" ? { failedPath: p } : style === "failed+review" ? { failedPath: p, reviewPath: p } : { failedPath: p, deletePath: p },
  );
}

/** The paths of every rule granting the queried permission to the vector's subject, or [] when none does. */
export function permissionPaths(v: SubjectVector, q: PermissionQuery, bindingPaths = (k: number) => [`relatedObjects[0].subjects[${k}]`, "relatedObjects[0].roleRef.name"]): string[] {
  const [binding, role] = v.relatedObjects;
  const subjects = Array.isArray(binding.subjects) ? (binding.subjects as RbacSubject[]) : [];
  const rules = Array.isArray(role.rules) ? (role.rules as PolicyRule[]) : [];
  const out: string[] = [];
  subjects.forEach((s, k) => {
    if (!s || !sameSubject(v, s)) return;
    rules.forEach((rule, p) => {
      const paths = rulePaths(rule ?? {}, p, q);
      if (paths) out.push(...paths, ...bindingPaths(k));
    });
  });
  return out;
}

/** One result per subject vector: failed when `paths` finds something. */
export function evaluateSubjects(index: ResourceIndex, style: PathStyle, paths: (v: SubjectVector) => string[]): { results: ResourceResult[] } {
  const results: ResourceResult[] = [];
  for (const v of subjectVectors(index)) {
    const found = paths(v);
    results.push(
      found.length
        ? { object: v, status: "failed", paths: toRulePaths([...new Set(found)], style), related: [...v.relatedObjects] }
        : { object: v, status: "passed", paths: [] },
    );
  }
  return { results };
}

/** Shorthand for the common "subject may do X" controls. */
export function evaluatePermission(index: ResourceIndex, style: PathStyle, ...queries: PermissionQuery[]): { results: ResourceResult[] } {
  return evaluateSubjects(index, style, (v) => queries.flatMap((q) => permissionPaths(v, q)));
}
