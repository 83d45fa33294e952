import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the kubelet service file ownership is set to root:root (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0163",
  description: "Checks that the kubelet systemd unit and drop-in files is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the kubelet systemd unit and drop-in files.",
  implementation: "host",
  evaluate: (index) => checkOwnership<KubeletInfo>(index, "KubeletInfo", FILES.kubeletService),
});
