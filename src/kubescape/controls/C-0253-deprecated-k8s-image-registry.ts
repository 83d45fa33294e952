import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/** kube-system workloads pulling from the frozen k8s.gcr.io registry (moved to registry.k8s.io). */
export const control = defineControl({
  id: "C-0253",
  description: "k8s.gcr.io is frozen; kube-system images from it receive no updates.",
  remediation: "Pull Kubernetes images from registry.k8s.io instead of k8s.gcr.io.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      if (wl.object.metadata.namespace !== "kube-system") return null;
      const paths = containersOf(wl.spec).flatMap((c, i) => (typeof c.image === "string" && c.image.startsWith("k8s.gcr.io/") ? [{ failedPath: `${wl.prefix}containers[${i}].image` }] : []));
      return paths.length ? paths : null;
    }),
});
