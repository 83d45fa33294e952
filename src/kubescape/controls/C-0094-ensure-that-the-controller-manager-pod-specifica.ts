import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the controller manager pod specification file permissions are set to 600 or more restrictive (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0094",
  description: "Checks that the kube-controller-manager static pod manifest grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on the kube-controller-manager static pod manifest.",
  implementation: "host",
  evaluate: (index) => checkPermissions<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.controllerManagerSpecs, 0o600),
});
