import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Pods not owned by a controller (no ReplicaSet, Job... recreates them). */
export const control = defineControl({
  id: "C-0073",
  description: "Fails Pods without ownerReferences: nothing recreates them when they die or their node is drained.",
  remediation: "Run the pod through a Deployment, StatefulSet, DaemonSet or Job instead of creating it directly.",
  evaluate: (index) => ({
    results: index.byKind("Pod").map((pod): ResourceResult => {
      const owners = pod.metadata.ownerReferences;
      return Array.isArray(owners) && owners.length > 0
        ? { object: pod, status: "passed", paths: [] }
        : { object: pod, status: "failed", paths: [] };
    }),
  }),
});
