import type { CNIInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkPermissions, FILES } from "./lib/hostFiles.ts";

/** Ensure that the Container Network Interface file permissions are set to 600 or more restrictive (CNIInfo from host-scanner). */
export const control = defineControl({
  id: "C-0100",
  description: "Checks that every CNI configuration file grants no permission beyond 600 (owner read/write only): it holds credentials or cluster configuration.",
  remediation: "On each node: chmod 600 on every CNI configuration file.",
  implementation: "host",
  evaluate: (index) => checkPermissions<CNIInfo>(index, "CNIInfo", FILES.cniConfigs, 0o600),
});
