import { defineControl } from "./define.ts";
import { evaluateFlags, notSetTo } from "./lib/apiServerFlags.ts";

/** Per-controller service account credentials. */
export const control = defineControl({
  id: "C-0146",
  description: "Fails a controller manager with --use-service-account-credentials=false or without the flag, so all controllers share one identity.",
  remediation: "Start kube-controller-manager with --use-service-account-credentials=true.",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", notSetTo("--use-service-account-credentials", "false", "true")),
});
