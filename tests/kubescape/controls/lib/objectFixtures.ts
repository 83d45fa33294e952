import { DEFAULT_CONTROL_INPUTS } from "../../../../src/kubescape/engine/defaultInputs.ts";
import { buildResourceIndex } from "../../../../src/kubescape/engine/resourceIndex.ts";
import type { Control, ControlInputs, K8sObject, ResourceResult, RulePaths } from "../../../../src/kubescape/types.ts";

/* eslint-disable @typescript-eslint/no-explicit-any */
type J = Record<string, any>;

export function pod(name: string, spec: J, meta: J = {}): K8sObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "apps", ...meta }, spec } as K8sObject;
}

export function deployment(name: string, podSpec: J, meta: J = {}, templateMeta: J = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "apps", ...meta },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name }, ...templateMeta }, spec: podSpec } },
  } as K8sObject;
}

export function workload(kind: "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job", name: string, podSpec: J, meta: J = {}): K8sObject {
  return {
    apiVersion: kind === "Job" ? "batch/v1" : "apps/v1",
    kind,
    metadata: { name, namespace: "apps", ...meta },
    spec: { template: { metadata: { labels: { app: name } }, spec: podSpec } },
  } as K8sObject;
}

export function cronJob(name: string, podSpec: J, meta: J = {}): K8sObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: "apps", ...meta },
    spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { metadata: { labels: { app: name } }, spec: podSpec } } } },
  } as K8sObject;
}

export function obj(apiVersion: string, kind: string, name: string, namespace: string | undefined, rest: J = {}): K8sObject {
  return { apiVersion, kind, metadata: namespace === undefined ? { name } : { name, namespace }, ...rest } as K8sObject;
}

export const c = (name: string, extra: J = {}): J => ({ name, image: "registry.example.com/app:1.0", ...extra });

export interface Outcome {
  status: "passed" | "failed";
  paths: RulePaths[];
  result: ResourceResult;
}

/** Evaluates a control and indexes the results by "Kind/name" (subjects: "Kind/name" too). */
export function run(control: Control, objects: K8sObject[], inputs: ControlInputs = DEFAULT_CONTROL_INPUTS): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const r of control.evaluate(buildResourceIndex(objects), inputs).results) {
    const key = `${r.object.kind}/${r.object.metadata.name}`;
    const prev = out.get(key);
    // several subject vectors per subject: failed wins, paths accumulate
    if (prev) {
      prev.paths.push(...r.paths);
      if (r.status === "failed") prev.status = "failed";
      continue;
    }
    out.set(key, { status: r.status, paths: [...r.paths], result: r });
  }
  return out;
}

export function failedPaths(o: Outcome | undefined): string[] {
  return (o?.paths ?? []).flatMap((p) => (p.failedPath ? [p.failedPath] : []));
}
export function fixPaths(o: Outcome | undefined): Array<{ path: string; value: string }> {
  return (o?.paths ?? []).flatMap((p) => (p.fixPath ? [p.fixPath] : []));
}
export function deletePaths(o: Outcome | undefined): string[] {
  return (o?.paths ?? []).flatMap((p) => (p.deletePath ? [p.deletePath] : []));
}
export function reviewPaths(o: Outcome | undefined): string[] {
  return (o?.paths ?? []).flatMap((p) => (p.reviewPath ? [p.reviewPath] : []));
}

export function role(kind: "Role" | "ClusterRole", name: string, rules: J[], namespace?: string): K8sObject {
  return obj("rbac.authorization.k8s.io/v1", kind, name, kind === "Role" ? (namespace ?? "apps") : undefined, { rules });
}

export function binding(kind: "RoleBinding" | "ClusterRoleBinding", name: string, roleRef: { kind: string; name: string }, subjects: J[], namespace?: string): K8sObject {
  return obj("rbac.authorization.k8s.io/v1", kind, name, kind === "RoleBinding" ? (namespace ?? "apps") : undefined, {
    roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef },
    subjects,
  });
}

export const user = (name: string): J => ({ kind: "User", name, apiGroup: "rbac.authorization.k8s.io" });
export const sa = (name: string, namespace = "apps"): J => ({ kind: "ServiceAccount", name, namespace });

/** Imports the control files whose ID lies in [from, to] straight from their files (not through the generated index). */
export async function loadControlsInRange(from: string, to: string): Promise<Map<string, Control>> {
  const { readdirSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = join(import.meta.dir, "../../../../src/kubescape/controls");
  const out = new Map<string, Control>();
  for (const f of readdirSync(dir)) {
    const id = f.slice(0, 6);
    if (!/^C-\d{4}-.*\.ts$/.test(f) || id < from || id > to) continue;
    const mod = (await import(join(dir, f))) as { control: Control };
    out.set(id, mod.control);
  }
  return out;
}
