import type { ControlEvaluation, K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/** Host-scanner envelopes of one kind (`hostdata.kubescape.cloud/v1beta0`). */
export function hostObjects(index: ResourceIndex, kind: string): readonly K8sObject[] {
  return index.byKind(kind).filter((o) => typeof o.apiVersion === "string" && o.apiVersion.startsWith("hostdata.kubescape.cloud/"));
}

/** The `data` payload of an envelope, typed by the caller (validated at collection time). */
export function hostDataOf<T>(obj: K8sObject): T | undefined {
  const data = (obj as { data?: unknown }).data;
  return data && typeof data === "object" ? (data as T) : undefined;
}

/** Failed when there are findings, passed otherwise. */
export function resultFor(object: K8sObject, failures: RulePaths[]): ResourceResult {
  return failures.length > 0 ? { object, status: "failed", paths: failures } : { object, status: "passed", paths: [] };
}

/**
 * Evaluates each envelope of `kind`: `check` returns the failures for one node, or undefined when
 * the control does not apply there (e.g. no kube-proxy on the node).
 */
export function evaluateHost<T>(index: ResourceIndex, kind: string, check: (data: T, obj: K8sObject) => RulePaths[] | undefined): ControlEvaluation {
  const results: ResourceResult[] = [];
  for (const obj of hostObjects(index, kind)) {
    const data = hostDataOf<T>(obj);
    if (!data) continue;
    const failures = check(data, obj);
    if (failures) results.push(resultFor(obj, failures));
  }
  return { results };
}
