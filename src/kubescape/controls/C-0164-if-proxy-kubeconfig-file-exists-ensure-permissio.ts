import type { KubeProxyInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** If proxy kubeconfig file exists ensure permissions are set to 600 or more restrictive (KubeProxyInfo from host-scanner). */
export const control = defineControl({
  id: "C-0164",
  description: "Checks that kube-proxy's kubeconfig grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on kube-proxy's kubeconfig.",
  implementation: "host",
  evaluate: (index) => checkPermissions<KubeProxyInfo>(index, "KubeProxyInfo", FILES.proxyKubeconfig, 0o600),
});
