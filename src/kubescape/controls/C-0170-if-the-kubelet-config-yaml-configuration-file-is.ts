import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0170",
  description: "Checks that the kubelet's config.yaml grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on the kubelet's config.yaml.",
  implementation: "host",
  evaluate: (index) => checkPermissions<KubeletInfo>(index, "KubeletInfo", FILES.kubeletConfig, 0o600),
});
