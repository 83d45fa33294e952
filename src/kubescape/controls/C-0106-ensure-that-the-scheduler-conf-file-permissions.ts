import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the scheduler.conf file permissions are set to 600 or more restrictive (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0106",
  description: "Checks that the scheduler kubeconfig (scheduler.conf) grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on the scheduler kubeconfig (scheduler.conf).",
  implementation: "host",
  evaluate: (index) => checkPermissions<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.schedulerConfig, 0o600),
});
