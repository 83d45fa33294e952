import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the scheduler pod specification file ownership is set to root:root (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0097",
  description: "Checks that the kube-scheduler static pod manifest is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the kube-scheduler static pod manifest.",
  implementation: "host",
  evaluate: (index) => checkOwnership<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.schedulerSpecs),
});
