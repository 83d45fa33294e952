import type { KubeProxyInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** If proxy kubeconfig file exists ensure ownership is set to root:root (KubeProxyInfo from host-scanner). */
export const control = defineControl({
  id: "C-0165",
  description: "Checks that kube-proxy's kubeconfig is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on kube-proxy's kubeconfig.",
  implementation: "host",
  evaluate: (index) => checkOwnership<KubeProxyInfo>(index, "KubeProxyInfo", FILES.proxyKubeconfig),
});
