import type { ControlEvaluation, K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";
import type { Json } from "./workload.ts";

/**
 * Kubescape evaluates RBAC controls over "subject vectors": one per (subject, binding) pair,
 * carrying the binding and the role it references as relatedObjects[0] and relatedObjects[1].
 * Paths point into those related objects (`relatedObjects[1].rules[0].verbs[2]`).
 */
export interface SubjectVector {
  /** The subject as a resource of its own (kind User / Group / ServiceAccount). */
  subject: K8sObject;
  binding: K8sObject;
  role: K8sObject;
  /** Index of the subject inside binding.subjects. */
  subjectIndex: number;
}

export const BINDING_INDEX = 0;
export const ROLE_INDEX = 1;

const cache = new WeakMap<ResourceIndex, SubjectVector[]>();

/** The role a binding points at (RoleBinding → Role in its namespace or a ClusterRole). */
export function roleOfBinding(index: ResourceIndex, binding: K8sObject): K8sObject | undefined {
  const ref = (binding as Json).roleRef as Json | undefined;
  if (!ref || typeof ref.name !== "string") return undefined;
  if (ref.kind === "ClusterRole") return index.get("ClusterRole", "", ref.name);
  if (ref.kind === "Role" && binding.kind === "RoleBinding") return index.get("Role", binding.metadata.namespace ?? "", ref.name);
  return undefined;
}

/** Every (subject, binding, role) triple of the snapshot; shared by all RBAC controls of one scan. */
export function subjectVectors(index: ResourceIndex): SubjectVector[] {
  const hit = cache.get(index);
  if (hit) return hit;
  const out: SubjectVector[] = [];
  for (const kind of ["RoleBinding", "ClusterRoleBinding"]) {
    for (const binding of index.byKind(kind)) {
      const role = roleOfBinding(index, binding);
      if (!role) continue;
      const subjects = (binding as Json).subjects;
      if (!Array.isArray(subjects)) continue;
      subjects.forEach((s: Json, subjectIndex: number) => {
        if (!s || typeof s.kind !== "string" || typeof s.name !== "string") return;
        const isSa = s.kind === "ServiceAccount";
        const metadata: K8sObject["metadata"] = { name: s.name };
        if (isSa && typeof s.namespace === "string") metadata.namespace = s.namespace;
        const subject: K8sObject = {
          apiVersion: isSa ? "v1" : "rbac.authorization.k8s.io/v1",
          kind: s.kind,
          metadata,
          name: s.name,
          ...(isSa ? { namespace: s.namespace } : { apiGroup: s.apiGroup ?? "rbac.authorization.k8s.io" }),
        };
        out.push({ subject, binding, role, subjectIndex });
      });
    }
  }
  cache.set(index, out);
  return out;
}

export interface RuleMatcher {
  verbs: readonly string[];
  apiGroups: readonly string[];
  resources: readonly string[];
  /** Extra condition on the rule (e.g. its resourceNames). */
  when?: (rule: Json) => boolean;
}

/** Paths of one policy rule matching all three lists (exact membership, as kubescape; "*" must be listed). */
export function matchRule(rule: Json, ruleIndex: number, m: RuleMatcher): string[] | undefined {
  if (m.when && !m.when(rule)) return undefined;
  const base = `relatedObjects[${ROLE_INDEX}].rules[${ruleIndex}]`;
  const pick = (field: string, wanted: readonly string[]): string[] => {
    const list = rule[field];
    if (!Array.isArray(list)) return [];
    const out: string[] = [];
    list.forEach((v: unknown, i: number) => {
      if (typeof v === "string" && wanted.includes(v)) out.push(`${base}.${field}[${i}]`);
    });
    return out;
  };
  const resources = pick("resources", m.resources);
  if (resources.length === 0) return undefined;
  const verbs = pick("verbs", m.verbs);
  if (verbs.length === 0) return undefined;
  const groups = pick("apiGroups", m.apiGroups);
  if (groups.length === 0) return undefined;
  return [...resources, ...verbs, ...groups];
}

export interface RbacOptions {
  /** Path of the subject entry (default `relatedObjects[0].subjects[k]`). */
  subjectPath?: (subjectIndex: number) => string;
  /** Report the paths as reviewPath too (the newer rules set reviewPaths = failedPaths). */
  withReview?: boolean;
}

/**
 * One result per subject vector: failed when a rule of its role matches one of `matchers`, with
 * the rule paths, the subject entry and the roleRef name.
 */
export function evaluateRbac(index: ResourceIndex, matchers: readonly RuleMatcher[], options: RbacOptions = {}): ControlEvaluation {
  const results: ResourceResult[] = [];
  const subjectPath = options.subjectPath ?? ((k: number) => `relatedObjects[${BINDING_INDEX}].subjects[${k}]`);
  for (const v of subjectVectors(index)) {
    const rules = (v.role as Json).rules;
    const found: string[] = [];
    if (Array.isArray(rules)) {
      rules.forEach((rule: Json, p: number) => {
        if (!rule || typeof rule !== "object") return;
        for (const m of matchers) {
          const paths = matchRule(rule, p, m);
          if (paths) {
            for (const x of paths) if (!found.includes(x)) found.push(x);
          }
        }
      });
    }
    if (found.length === 0) {
      results.push({ object: v.subject, status: "passed", paths: [], related: [v.binding, v.role] });
      continue;
    }
    found.push(subjectPath(v.subjectIndex), `relatedObjects[${BINDING_INDEX}].roleRef.name`);
    const paths: RulePaths[] = found.map((p) => (options.withReview ? { failedPath: p, reviewPath: p } : { failedPath: p }));
    results.push({ object: v.subject, status: "failed", paths, related: [v.binding, v.role] });
  }
  return { results };
}
