/** Fixture builders and a runner shared by the C-0150+ control tests. */
import { buildResourceIndex } from "../../../src/kubescape/engine/resourceIndex.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import type { Control, ControlInputs, K8sObject, RulePaths } from "../../../src/kubescape/types.ts";

export interface Outcome {
  /** "Kind/name" → paths, for failed objects. */
  failed: Map<string, RulePaths[]>;
  /** "Kind/name" of passed objects. */
  passed: Set<string>;
}

export function keyOf(o: K8sObject): string {
  return `${o.kind}/${o.metadata.name}`;
}

export function run(control: Control, objects: K8sObject[], inputs: ControlInputs = DEFAULT_CONTROL_INPUTS): Outcome {
  const { results } = control.evaluate(buildResourceIndex(objects, { isLiveCluster: true }), inputs);
  const failed = new Map<string, RulePaths[]>();
  const passed = new Set<string>();
  for (const r of results) {
    if (r.status === "failed") failed.set(keyOf(r.object), [...(failed.get(keyOf(r.object)) ?? []), ...r.paths]);
    else passed.add(keyOf(r.object));
  }
  return { failed, passed };
}

export function failedPaths(paths: RulePaths[] | undefined): string[] {
  return (paths ?? []).flatMap((p) => (p.failedPath !== undefined ? [p.failedPath] : []));
}
export function reviewPaths(paths: RulePaths[] | undefined): string[] {
  return (paths ?? []).flatMap((p) => (p.reviewPath !== undefined ? [p.reviewPath] : []));
}
export function deletePaths(paths: RulePaths[] | undefined): string[] {
  return (paths ?? []).flatMap((p) => (p.deletePath ? [p.deletePath] : []));
}
export function fixPaths(paths: RulePaths[] | undefined): Array<{ path: string; value: string }> {
  return (paths ?? []).flatMap((p) => (p.fixPath ? [p.fixPath] : []));
}

/** A static control-plane Pod in kube-system running `binary` with the given flags in command. */
export function cpPod(name: string, binary: string, flags: string[], args?: string[]): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "kube-system", labels: { component: binary, tier: "control-plane" } },
    spec: { containers: [{ name: binary, image: `registry.k8s.io/${binary}:v1.34.2`, command: [binary, ...flags], ...(args ? { args } : {}) }] },
  };
}

export function namespace(name: string, labels: Record<string, string> = {}): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

export function clusterRole(name: string, rules: unknown[], extra: Record<string, unknown> = {}): K8sObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name }, rules, ...extra };
}
export function role(name: string, ns: string, rules: unknown[]): K8sObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name, namespace: ns }, rules };
}
export function user(name: string) {
  return { kind: "User", name, apiGroup: "rbac.authorization.k8s.io" };
}
export function group(name: string) {
  return { kind: "Group", name, apiGroup: "rbac.authorization.k8s.io" };
}
export function sa(name: string, ns: string) {
  return { kind: "ServiceAccount", name, namespace: ns };
}
export function clusterRoleBinding(name: string, roleName: string, subjects: unknown[]): K8sObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
    subjects,
  };
}
export function roleBinding(name: string, ns: string, roleKind: "Role" | "ClusterRole", roleName: string, subjects: unknown[]): K8sObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name, namespace: ns },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: roleName },
    subjects,
  };
}

/** A Deployment with one pod template; `pod` is merged into spec.template.spec. */
export function deployment(name: string, pod: Record<string, unknown>, opts: { namespace?: string; labels?: Record<string, string>; spec?: Record<string, unknown> } = {}): K8sObject {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: opts.namespace ?? "apps" },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: pod }, ...opts.spec },
  };
}
export function pod(name: string, spec: Record<string, unknown>, opts: { namespace?: string; labels?: Record<string, string> } = {}): K8sObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: opts.namespace ?? "apps", labels: opts.labels ?? { app: name } }, spec };
}
export function cronJob(name: string, podSpec: Record<string, unknown>, ns = "apps"): K8sObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: ns },
    spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { metadata: { labels: { app: name } }, spec: podSpec } } } },
  };
}
