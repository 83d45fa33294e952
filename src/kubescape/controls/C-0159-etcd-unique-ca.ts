import type { K8sObject, ResourceResult, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { componentPods, FlagList } from "./lib/cpComponentPods.ts";

function argument(flags: FlagList, name: string): { path: string; value: string } | undefined {
  for (let i = 0; i < flags.all.length; i++) {
    const entry = flags.all[i]!;
    if (!entry.includes(name)) continue;
    const parts = entry.split("=");
    const at = parts.indexOf(name);
    if (at >= 0 && at + 1 < parts.length) return { path: flags.path(i), value: parts[at + 1]! };
  }
  return undefined;
}

/**
 * CIS 2.7: etcd must trust its own CA, not the one the API server uses for clients, or any
 * API-server client certificate could talk to etcd. Compares etcd's --trusted-ca-file with the
 * kube-apiserver's --client-ca-file; both Pods fail when they are the same file.
 */
export const control = defineControl({
  id: "C-0159",
  description: "etcd's --trusted-ca-file must differ from the kube-apiserver's --client-ca-file.",
  remediation: "Give etcd its own certificate authority and point --trusted-ca-file at it.",
  evaluate: (index) => {
    const etcd = componentPods(index, "etcd")[0];
    const apiserver = componentPods(index, "kube-apiserver")[0];
    const pods = [etcd, apiserver].filter((p): p is K8sObject => !!p);
    if (!etcd || !apiserver) return { results: pods.map((object) => ({ object, status: "passed", paths: [] })) };
    const e = argument(FlagList.of(etcd), "--trusted-ca-file");
    const a = argument(FlagList.of(apiserver), "--client-ca-file");
    if (!e || !a || e.value !== a.value) return { results: pods.map((object) => ({ object, status: "passed", paths: [] })) };
    const fix = "<path/to/different-tls-certificate-file.crt>";
    const paths: RulePaths[] = [
      { failedPath: e.path, reviewPath: e.path },
      { failedPath: a.path, reviewPath: a.path },
      { fixPath: { path: e.path, value: fix } },
      { fixPath: { path: a.path, value: fix } },
    ];
    const results: ResourceResult[] = [
      { object: etcd, status: "failed", paths, related: [apiserver] },
      { object: apiserver, status: "failed", paths, related: [etcd] },
    ];
    return { results };
  },
});
