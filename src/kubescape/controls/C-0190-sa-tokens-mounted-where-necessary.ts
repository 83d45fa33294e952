import type { K8sObject, ResourceResult, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { workloadViews } from "./lib/wlPodSpec.ts";

/**
 * CIS 5.1.6: service account tokens should be mounted only where needed. A workload fails when its
 * pod spec sets automountServiceAccountToken: true (delete it), or leaves it unset while its
 * ServiceAccount (found in the scan, same namespace) does not turn automount off (set it to false).
 */
export const control = defineControl({
  id: "C-0190",
  description: "Pods get an API token mounted unless the pod spec or its ServiceAccount sets automountServiceAccountToken: false.",
  remediation: "Set automountServiceAccountToken: false on pod specs (and ServiceAccounts) that do not call the Kubernetes API.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const saFor = (ns: string, name: string): K8sObject | undefined => index.get("ServiceAccount", ns, name) ?? (ns === "default" ? index.get("ServiceAccount", "", name) : undefined);
    for (const wl of workloadViews(index)) {
      const spec = wl.spec;
      const saName = typeof spec.serviceAccountName === "string" && spec.serviceAccountName ? spec.serviceAccountName : "default";
      const sa = saFor(wl.namespace, saName);
      const at = `${wl.prefix}automountServiceAccountToken`;
      let paths: RulePaths[] | null = null;
      if (spec.automountServiceAccountToken === true) paths = [{ failedPath: at, deletePath: at }];
      else if (spec.automountServiceAccountToken !== false && sa && sa.automountServiceAccountToken !== false) paths = [{ fixPath: { path: at, value: "false" } }];
      results.push(paths ? { object: wl.object, status: "failed", paths, ...(sa ? { related: [sa] } : {}) } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
