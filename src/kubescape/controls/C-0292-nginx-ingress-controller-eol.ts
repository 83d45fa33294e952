import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

const KINDS = new Set(["Deployment", "DaemonSet", "StatefulSet"]);

function isCommunityIngressNginx(image: string): boolean {
  return image.includes("ingress-nginx/controller") || image.includes("k8s.gcr.io/ingress-nginx") || image.includes("registry.k8s.io/ingress-nginx");
}

/** Workloads running the community ingress-nginx controller, which reached end of life in March 2026. */
export const control = defineControl({
  id: "C-0292",
  description: "The community ingress-nginx controller is end of life (March 2026): it gets no security fixes.",
  remediation: "Migrate to a maintained ingress controller or to the Gateway API.",
  evaluate: (index) =>
    evaluateWorkloads(
      index,
      (wl) => {
        const paths = containersOf(wl.spec).flatMap((c, i) => {
          const p = `${wl.prefix}containers[${i}].image`;
          return typeof c.image === "string" && isCommunityIngressNginx(c.image) ? [{ failedPath: p, reviewPath: p }] : [];
        });
        return paths.length ? paths : null;
      },
      KINDS,
    ),
});
