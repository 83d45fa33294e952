import { defineControl } from "./define.ts";
import { evaluateFlags, mustNotBeSet } from "./lib/apiServerFlags.ts";

/** Static token file authentication. */
export const control = defineControl({
  id: "C-0114",
  description: "Fails an API server started with --token-auth-file: static tokens never expire and cannot be revoked without a restart.",
  remediation: "Remove --token-auth-file and use certificates, OIDC or service account tokens.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", mustNotBeSet("--token-auth-file")),
});
