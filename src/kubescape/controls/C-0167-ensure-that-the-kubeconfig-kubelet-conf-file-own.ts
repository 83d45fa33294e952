import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the --kubeconfig kubelet.conf file ownership is set to root:root (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0167",
  description: "Checks that the kubelet's --kubeconfig file is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the kubelet's --kubeconfig file.",
  implementation: "host",
  evaluate: (index) => checkOwnership<KubeletInfo>(index, "KubeletInfo", FILES.kubeletKubeconfig),
});
