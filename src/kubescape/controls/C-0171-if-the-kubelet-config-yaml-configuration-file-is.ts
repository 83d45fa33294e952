import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0171",
  description: "Checks that the kubelet's config.yaml is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the kubelet's config.yaml.",
  implementation: "host",
  evaluate: (index) => checkOwnership<KubeletInfo>(index, "KubeletInfo", FILES.kubeletConfig),
});
