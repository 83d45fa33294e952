import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

const TEMPLATE = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"]);

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function expressionMatches(e: { key: string; operator: string; values?: string[] }, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, e.key);
  const values = e.values ?? [];
  switch (e.operator) {
    case "In":
      return has && values.includes(labels[e.key]!);
    case "NotIn":
      return !has || !values.includes(labels[e.key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
}

/** Workloads whose selector does not select their own pod template labels (the API rejects most; manifests do not). */
export const control = defineControl({
  id: "C-0296",
  description: "A selector that does not match the pod template's labels leaves the controller unable to own its pods.",
  remediation: "Make spec.selector match spec.template.metadata.labels.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const check = (wl: K8sObject, selector: Selector, labels: Record<string, string>, labelsPath: string, exprPath: string): void => {
      const ml = obj(selector.matchLabels) as Record<string, string>;
      const me = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
      if (Object.keys(ml).length === 0 && me.length === 0) {
        results.push({ object: wl, status: "passed", paths: [] });
        return;
      }
      const labelsBad = Object.entries(ml).some(([k, v]) => labels[k] !== v);
      const exprBad = me.some((e) => !e || !expressionMatches(e, labels));
      if (labelsBad) results.push({ object: wl, status: "failed", paths: [{ failedPath: labelsPath }] });
      else if (exprBad) results.push({ object: wl, status: "failed", paths: [{ failedPath: exprPath }] });
      else results.push({ object: wl, status: "passed", paths: [] });
    };
    for (const wl of index.all) {
      const spec = obj(wl.spec);
      if (TEMPLATE.has(wl.kind)) {
        check(wl, obj(spec.selector) as Selector, obj(obj(obj(spec.template).metadata).labels) as Record<string, string>, "spec.selector.matchLabels", "spec.selector.matchExpressions");
      } else if (wl.kind === "ReplicationController") {
        check(wl, { matchLabels: obj(spec.selector) as Record<string, string> }, obj(obj(obj(spec.template).metadata).labels) as Record<string, string>, "spec.selector", "spec.selector");
      } else if (wl.kind === "CronJob") {
        const job = obj(obj(spec.jobTemplate).spec);
        check(wl, obj(job.selector) as Selector, obj(obj(obj(job.template).metadata).labels) as Record<string, string>, "spec.jobTemplate.spec.selector.matchLabels", "spec.jobTemplate.spec.selector.matchExpressions");
      }
    }
    return { results };
  },
});
