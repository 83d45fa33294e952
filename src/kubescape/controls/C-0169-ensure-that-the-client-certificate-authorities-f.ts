import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the client certificate authorities file ownership is set to root:root (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0169",
  description: "Checks that the kubelet's client CA file is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the kubelet's client CA file.",
  implementation: "host",
  evaluate: (index) => checkOwnership<KubeletInfo>(index, "KubeletInfo", FILES.kubeletClientCa),
});
