import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the certificate authorities file permissions are set to 600 or more restrictive (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0168",
  description: "Checks that the kubelet's client CA file grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on the kubelet's client CA file.",
  implementation: "host",
  evaluate: (index) => checkPermissions<KubeletInfo>(index, "KubeletInfo", FILES.kubeletClientCa, 0o600),
});
