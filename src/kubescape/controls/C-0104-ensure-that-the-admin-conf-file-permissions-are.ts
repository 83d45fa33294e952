import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the admin.conf file permissions are set to 600 (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0104",
  description: "Checks that /etc/kubernetes/admin.conf grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on /etc/kubernetes/admin.conf.",
  implementation: "host",
  evaluate: (index) => checkPermissions<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.adminConfig, 0o600),
});
