import type { K8sObject, ResourceIndex, ResourceResult } from "../../types.ts";

/** Each namespace's "default" ServiceAccount must not mount tokens: fix when unset, failed (and deletable) when true. */
export function defaultAccountResults(index: ResourceIndex): ResourceResult[] {
  const results: ResourceResult[] = [];
  for (const sa of index.byKind("ServiceAccount")) {
    if (sa.metadata.name !== "default") continue;
    const v = sa.automountServiceAccountToken;
    if (v === false) results.push({ object: sa, status: "passed", paths: [] });
    else if (v === true) results.push({ object: sa, status: "failed", paths: [{ failedPath: "automountServiceAccountToken", deletePath: "automountServiceAccountToken" }] });
    else results.push({ object: sa, status: "failed", paths: [{ fixPath: { path: "automountServiceAccountToken", value: "false" } }] });
  }
  return results;
}

/** Bindings granting roles to a "default" ServiceAccount (the bootstrap rbac-defaults bindings excepted). */
export function defaultAccountBindingResults(index: ResourceIndex): ResourceResult[] {
  const results: ResourceResult[] = [];
  for (const b of [...index.byKind("RoleBinding"), ...index.byKind("ClusterRoleBinding")]) {
    const subjects = Array.isArray(b.subjects) ? (b.subjects as Array<{ kind?: string; name?: string }>) : [];
    const bootstrap = b.metadata.labels?.["kubernetes.io/bootstrapping"] === "rbac-defaults";
    const paths = bootstrap ? [] : subjects.flatMap((s, i) => (s?.kind === "ServiceAccount" && s.name === "default" ? [{ failedPath: `subjects[${i}]`, deletePath: `subjects[${i}]` }] : []));
    results.push(paths.length ? { object: b, status: "failed", paths } : { object: b, status: "passed", paths: [] });
  }
  return results;
}

export function isBinding(o: K8sObject): boolean {
  return o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding";
}
