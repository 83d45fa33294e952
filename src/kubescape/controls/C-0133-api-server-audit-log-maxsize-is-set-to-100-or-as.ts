import { defineControl } from "./define.ts";
import { atLeast, evaluateFlags } from "./lib/apiServerFlags.ts";

/** Audit log file size before rotation. */
export const control = defineControl({
  id: "C-0133",
  description: "Fails an API server whose --audit-log-maxsize is absent or below 100 MB.",
  remediation: "Set --audit-log-maxsize=100 or more.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", atLeast("--audit-log-maxsize", 100)),
});
