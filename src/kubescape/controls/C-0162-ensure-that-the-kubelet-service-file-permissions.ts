import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the kubelet service file permissions are set to 600 or more restrictive (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0162",
  description: "Checks that the kubelet systemd unit and drop-in files grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on the kubelet systemd unit and drop-in files.",
  implementation: "host",
  evaluate: (index) => checkPermissions<KubeletInfo>(index, "KubeletInfo", FILES.kubeletService, 0o600),
});
