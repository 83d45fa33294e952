import type { K8sObject, ResourceResult, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { workloadViews } from "./lib/wlPodSpec.ts";

/**
 * CIS 5.1.6: service account tokens should be mounted only where needed. ServiceAccounts fail
 * unless they set automountServiceAccountToken: false; workloads fail when the pod spec sets it to
 * true, or leaves it unset while their ServiceAccount (in the scan) does not turn it off.
 */
export const control = defineControl({
  id: "C-0190",
  description: "Pods get an API token mounted unless the pod spec or its ServiceAccount sets automountServiceAccountToken: false.",
  remediation: "Set automountServiceAccountToken: false on ServiceAccounts and on pod specs that do not call the API.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    const accounts = index.byKind("ServiceAccount");
    for (const sa of accounts) {
      const v = sa.automountServiceAccountToken;
      if (v === false) results.push({ object: sa, status: "passed", paths: [] });
      else if (v === true) results.push({ object: sa, status: "failed", paths: [{ failedPath: "automountServiceAccountToken" }] });
      else results.push({ object: sa, status: "failed", paths: [{ fixPath: { path: "automountServiceAccountToken", value: "false" } }] });
    }
    const saFor = (ns: string, name: string): K8sObject | undefined => index.get("ServiceAccount", ns, name) ?? (ns === "default" ? index.get("ServiceAccount", "", name) : undefined);
    for (const wl of workloadViews(index)) {
      const spec = wl.spec;
      const saName = typeof spec.serviceAccountName === "string" && spec.serviceAccountName ? spec.serviceAccountName : "default";
      const sa = saFor(wl.namespace, saName);
      const saMounts = sa !== undefined && sa.automountServiceAccountToken !== false;
      const at = `${wl.prefix}automountServiceAccountToken`;
      let paths: RulePaths[] | null = null;
      if (spec.automountServiceAccountToken === true) {
        // With no ServiceAccounts at all (a file scan) an explicit true is enough to fail.
        if (saMounts || accounts.length === 0) paths = [{ failedPath: at }];
      } else if (spec.automountServiceAccountToken !== false && saMounts) {
        paths = [{ fixPath: { path: at, value: "false" } }];
      }
      results.push(paths ? { object: wl.object, status: "failed", paths, ...(sa ? { related: [sa] } : {}) } : { object: wl.object, status: "passed", paths: [] });
    }
    return { results };
  },
});
