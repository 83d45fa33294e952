import type { K8sObject } from "../../types.ts";

export interface PodSpecAt {
  spec: Record<string, unknown>;
  /** kubescape path prefix of the pod spec inside the object. */
  path: string;
}

/** The pod spec of a Pod or pod-template owner (CronJob: jobTemplate.spec.template.spec). */
export function podSpecOf(obj: K8sObject): PodSpecAt | undefined {
  const o = obj as Record<string, any>;
  if (obj.kind === "Pod") return o.spec ? { spec: o.spec, path: "spec" } : undefined;
  if (obj.kind === "CronJob") {
    const s = o.spec?.jobTemplate?.spec?.template?.spec;
    return s ? { spec: s, path: "spec.jobTemplate.spec.template.spec" } : undefined;
  }
  const s = o.spec?.template?.spec;
  return s ? { spec: s, path: "spec.template.spec" } : undefined;
}

/** Pods owned by a controller are judged through their owner, as kubescape does. */
export function isOwnedPod(obj: K8sObject): boolean {
  return obj.kind === "Pod" && (obj.metadata.ownerReferences?.length ?? 0) > 0;
}
