import type { ControlEvaluation, K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";
import { subjectVectors as sharedSubjectVectors } from "./subjectVectors.ts";
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

/** Same subject the way kubescape compares them: kind and name, plus namespace (service accounts) or apiGroup. */
function sameSubject(subject: Json, entry: Json): boolean {
  if (!entry || entry.kind !== subject.kind || entry.name !== subject.name) return false;
  if (subject.kind === "ServiceAccount") return (entry.namespace ?? undefined) === (subject.namespace ?? undefined);
  return (entry.apiGroup ?? undefined) === (subject.apiGroup ?? undefined) || (entry.namespace ?? undefined) === (subject.namespace ?? undefined);
}

/**
 * Every (subject, binding, role) triple of the snapshot. Built on the shared subject vectors
 * (lib/subjectVectors.ts) so all RBAC controls report the very same subject objects; aggregated
 * ClusterRoles carry their selected roles' rules.
 */
export function subjectVectors(index: ResourceIndex): SubjectVector[] {
  const hit = cache.get(index);
  if (hit) return hit;
  const out: SubjectVector[] = [];
  for (const v of sharedSubjectVectors(index)) {
    const [binding, role] = v.relatedObjects;
    const subjects = Array.isArray((binding as Json).subjects) ? ((binding as Json).subjects as Json[]) : [];
    const subjectIndex = Math.max(0, subjects.findIndex((e) => sameSubject(v as Json, e)));
    out.push({ subject: v, binding, role, subjectIndex });
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
