import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the Kubernetes PKI directory and file ownership is set to root:root (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0110",
  description: "Checks that the /etc/kubernetes/pki directory and every file in it is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on the /etc/kubernetes/pki directory and every file in it.",
  implementation: "host",
  evaluate: (index) => checkOwnership<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.pkiDirAndFiles),
});
