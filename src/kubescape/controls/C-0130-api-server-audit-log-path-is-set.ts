import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** API server audit logging. */
export const control = defineControl({
  id: "C-0130",
  description: "Fails an API server without --audit-log-path: no audit trail is written.",
  remediation: "Set --audit-log-path (and an audit policy) on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--audit-log-path", "/var/log/apiserver/audit.log"]])),
});
