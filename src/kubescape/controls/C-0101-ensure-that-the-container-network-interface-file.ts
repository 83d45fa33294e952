import type { CNIInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the Container Network Interface file ownership is set to root:root (CNIInfo from host-scanner). */
export const control = defineControl({
  id: "C-0101",
  description: "Checks that every CNI configuration file is owned by root:root, so no other account can change it.",
  remediation: "On each node: chown root:root on every CNI configuration file.",
  implementation: "host",
  evaluate: (index) => checkOwnership<CNIInfo>(index, "CNIInfo", FILES.cniConfigs),
});
