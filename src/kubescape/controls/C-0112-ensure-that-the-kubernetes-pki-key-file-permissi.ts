import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the Kubernetes PKI key file permissions are set to 600 (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0112",
  description: "Checks that every private key (*.key) in /etc/kubernetes/pki grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on every private key (*.key) in /etc/kubernetes/pki.",
  implementation: "host",
  evaluate: (index) => checkPermissions<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.pkiKeys, 0o600),
});
