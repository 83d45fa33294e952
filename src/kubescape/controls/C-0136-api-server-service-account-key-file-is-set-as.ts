import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** The key used to verify service account tokens. */
export const control = defineControl({
  id: "C-0136",
  description: "Fails an API server without --service-account-key-file.",
  remediation: "Set --service-account-key-file to the public key matching the controller manager's private key.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--service-account-key-file", "<path/to/key.pub>"]])),
});
