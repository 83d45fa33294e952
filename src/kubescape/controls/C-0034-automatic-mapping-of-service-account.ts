import type { K8sObject } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateWorkloads, passedInputs } from "./lib/workload.ts";


/**
 * Workloads that will get a service account token mounted. The pod spec's own
 * automountServiceAccountToken wins; when it is unset the ServiceAccount decides, and a token is
 * assumed (Kubernetes' default) when the ServiceAccount is not part of the scan.
 */
export const control = defineControl({
  id: "C-0034",
  description: "Fails workloads that mount a service account token: automountServiceAccountToken true in the pod spec, or unset while their ServiceAccount does not set it to false (or is not in the scan).",
  remediation: "Set automountServiceAccountToken: false in pod specs (and ServiceAccounts) of workloads that do not call the API server.",
  evaluate: (index) => {
    // kubescape compares namespaces with an absent one standing for "default"
    const sas = new Map<string, Array<K8sObject & Json>>();
    for (const sa of index.byKind("ServiceAccount") as readonly (K8sObject & Json)[]) {
      const key = `${sa.metadata.namespace ?? "default"}/${sa.metadata.name}`;
      const list = sas.get(key);
      if (list) list.push(sa);
      else sas.set(key, [sa]);
    }
    const workloads = evaluateWorkloads(index, (t, wl) => {
      const v = t.spec.automountServiceAccountToken;
      const path = `${t.path}.automountServiceAccountToken`;
      if (v === false) return [];
      if (v === true) return [{ failedPath: path }, { fixPath: { path, value: "false" } }];
      const saName = typeof t.spec.serviceAccountName === "string" ? t.spec.serviceAccountName : "default";
      const ns = wl.metadata.namespace ?? "default";
      const matching = sas.get(`${ns}/${saName}`) ?? [];
      if (matching.length > 0 && matching.every((sa) => sa.automountServiceAccountToken === false)) return [];
      return [{ fixPath: { path, value: "false" } }];
    });
    return { results: [...workloads.results, ...passedInputs(index, ["ServiceAccount"])] };
  },
});
