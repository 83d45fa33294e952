import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the scheduler.conf file ownership is set to root:root (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0107",
  description: "Checks that the scheduler kubeconfig (scheduler.conf) is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the scheduler kubeconfig (scheduler.conf).",
  implementation: "host",
  evaluate: (index) => checkOwnership<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.schedulerConfig),
});
