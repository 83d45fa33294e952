import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

const WORKLOADS = new Set(["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob", "Pod"]);
const OTHER = new Set([
  "ConfigMap", "Endpoints", "Event", "LimitRange", "PersistentVolumeClaim", "PodTemplate", "ReplicationController", "ResourceQuota",
  "Secret", "ServiceAccount", "Service", "ControllerRevision", "HorizontalPodAutoscaler", "Lease", "EndpointSlice", "Ingress",
  "NetworkPolicy", "PodDisruptionBudget", "RoleBinding", "Role", "CSIStorageCapacity",
]);

/** CIS 5.7.4: resources should live in dedicated namespaces, not in "default" (or with no namespace set, which lands there). */
export const control = defineControl({
  id: "C-0212",
  description: "Workloads and namespaced resources placed in the default namespace share it with everything else that forgot a namespace.",
  remediation: "Create namespaces for your applications and move resources out of default.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const check = (obj: K8sObject, review: boolean): void => {
      const ns = obj.metadata.namespace;
      const at = "metadata.namespace";
      if (ns === "default") results.push({ object: obj, status: "failed", paths: [review ? { failedPath: at, reviewPath: at } : { failedPath: at }] });
      else if (ns === undefined || ns === "") results.push({ object: obj, status: "failed", paths: [{ fixPath: { path: at, value: "YOUR_NAMESPACE" } }] });
      else results.push({ object: obj, status: "passed", paths: [] });
    };
    for (const obj of index.all) {
      if (WORKLOADS.has(obj.kind)) check(obj, true);
      else if (OTHER.has(obj.kind)) check(obj, false);
    }
    return { results };
  },
});
