import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** The root CA handed to pods for API server verification. */
export const control = defineControl({
  id: "C-0148",
  description: "Fails a controller manager without --root-ca-file.",
  remediation: "Set --root-ca-file on kube-controller-manager.",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", required([["--root-ca-file", "<path/to/key/ca.crt>"]])),
});
