import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Client certificate authentication to the API server. */
export const control = defineControl({
  id: "C-0139",
  description: "Fails an API server without --client-ca-file, so client certificates cannot be verified.",
  remediation: "Set --client-ca-file on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--client-ca-file", "<path/to/client-ca.crt>"]])),
});
