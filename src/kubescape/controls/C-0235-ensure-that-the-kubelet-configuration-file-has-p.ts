import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the kubelet configuration file has permissions set to 644 or more restrictive (KubeletInfo from host-scanner). */
export const control = defineControl({
  id: "C-0235",
  description: "Checks that the kubelet's config.yaml grants no permission beyond 644 (owner read/write, others read): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 644 on the kubelet's config.yaml.",
  implementation: "host",
  evaluate: (index) => checkPermissions<KubeletInfo>(index, "KubeletInfo", FILES.kubeletConfig, 0o644),
});
