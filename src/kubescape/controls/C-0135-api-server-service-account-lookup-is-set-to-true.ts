import { defineControl } from "./define.ts";
import { evaluateFlags, notSetTo } from "./lib/apiServerFlags.ts";

/** Service account token revocation checks. */
export const control = defineControl({
  id: "C-0135",
  description: "Fails an API server with --service-account-lookup=false, which accepts tokens of deleted service accounts.",
  remediation: "Remove --service-account-lookup=false (the default is true).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", notSetTo("--service-account-lookup", "false", "true", { requireWhenAbsent: false })),
});
