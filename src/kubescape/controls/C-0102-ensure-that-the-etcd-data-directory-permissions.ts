import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the etcd data directory permissions are set to 700 or more restrictive (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0102",
  description: "Checks that the etcd data directory grants no permission beyond 700 (owner read/write/execute only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 700 on the etcd data directory.",
  implementation: "host",
  evaluate: (index) => checkPermissions<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.etcdDataDir, 0o700),
});
