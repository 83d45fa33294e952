import { defineControl } from "./define.ts";
import { atLeast, evaluateFlags } from "./lib/apiServerFlags.ts";

/** Audit log retention in days. */
export const control = defineControl({
  id: "C-0131",
  description: "Fails an API server whose --audit-log-maxage is absent or below 30 days.",
  remediation: "Set --audit-log-maxage=30 or more.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", atLeast("--audit-log-maxage", 30)),
});
