import type { K8sObject, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateWorkloads, failed, fix, verdict } from "./lib/workload.ts";

/** kubescape's namespace comparison: equal, both absent, or one absent and the other "default". */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  return (a === undefined && b === "default") || (b === undefined && a === "default");
}

/**
 * ServiceAccounts that mount their token by default, and workloads that get a token mounted
 * (explicitly, or through their ServiceAccount's default).
 */
export const control = defineControl({
  id: "C-0034",
  description: "Fails ServiceAccounts that do not set automountServiceAccountToken: false, and workloads that mount a service account token they inherit or request.",
  remediation: "Set automountServiceAccountToken: false on ServiceAccounts and pod specs that do not call the API server.",
  evaluate: (index) => {
    const sas = index.byKind("ServiceAccount") as (K8sObject & Json)[];
    const saResults: ResourceResult[] = sas.map((sa) => {
      const v = sa.automountServiceAccountToken;
      if (v === true) return verdict(sa, [failed("automountServiceAccountToken")]);
      if (v === false) return verdict(sa, []);
      return verdict(sa, [fix("automountServiceAccountToken", "false")]);
    });
    const wl = evaluateWorkloads(index, (t, obj) => {
      const v = t.spec.automountServiceAccountToken;
      if (v === false) return [];
      const saName = typeof t.spec.serviceAccountName === "string" && t.spec.serviceAccountName !== "" ? t.spec.serviceAccountName : "default";
      const ns = obj.metadata.namespace;
      const mountingSa = sas.some((sa) => sa.metadata.name === saName && sameNamespace(sa.metadata.namespace, ns) && sa.automountServiceAccountToken !== false);
      const path = `${t.path}.automountServiceAccountToken`;
      if (v === true) return sas.length === 0 || mountingSa ? [failed(path)] : [];
      return mountingSa ? [fix(path, "false")] : [];
    });
    return { results: [...saResults, ...wl.results] };
  },
});
