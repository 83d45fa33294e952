import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost, resultFor } from "./lib/hostData.ts";
import { parseFlags } from "./lib/hostKubelet.ts";
import type { ResourceIndex, ResourceResult } from "../types.ts";

/** kube-apiserver static pods: the flag is in the container command or args. */
function apiServerPodResults(index: ResourceIndex): ResourceResult[] {
  const results: ResourceResult[] = [];
  for (const pod of index.byKind("Pod")) {
    if (pod.metadata.namespace !== "kube-system" || pod.metadata.labels?.component !== "kube-apiserver") continue;
    const containers = ((pod as { spec?: { containers?: Array<{ command?: string[]; args?: string[] }> } }).spec?.containers ?? []);
    containers.forEach((c, i) => {
      const argv = [...(c.command ?? []), ...(c.args ?? [])];
      if (!argv.some((a) => a.includes("kube-apiserver"))) return;
      const set = argv.some((a) => /^--encryption-provider-config=\S+/.test(a));
      results.push(resultFor(pod, set ? [] : [{ failedPath: `spec.containers[${i}].command`, fixPath: { path: `spec.containers[${i}].command[${argv.length}]`, value: "--encryption-provider-config=<path/to/EncryptionConfig/File>" } }]));
    });
  }
  return results;
}

/** API server --encryption-provider-config (kube-apiserver Pod, or ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0141",
  description: "Checks that the API server runs with --encryption-provider-config, so Secrets are encrypted at rest in etcd.",
  remediation: "Create an EncryptionConfiguration and pass it to kube-apiserver with --encryption-provider-config.",
  implementation: "host",
  evaluate: (index) => {
    const host = evaluateHost<ControlPlaneInfo>(index, "ControlPlaneInfo", (data) => {
      const cmd = data.APIServerInfo?.cmdLine;
      if (!cmd) return undefined;
      return parseFlags(cmd).get("encryption-provider-config") ? [] : [{ failedPath: "data.APIServerInfo.cmdLine" }];
    });
    return { results: [...apiServerPodResults(index), ...host.results] };
  },
});
