import { defineControl } from "./define.ts";
import { atLeast, evaluateFlags } from "./lib/apiServerFlags.ts";

/** Number of audit log files kept. */
export const control = defineControl({
  id: "C-0132",
  description: "Fails an API server whose --audit-log-maxbackup is absent or below 10.",
  remediation: "Set --audit-log-maxbackup=10 or more.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", atLeast("--audit-log-maxbackup", 10)),
});
