import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Kubelet serving certificate verification. */
export const control = defineControl({
  id: "C-0117",
  description: "Fails an API server without --kubelet-certificate-authority: it cannot verify kubelets' serving certificates.",
  remediation: "Set --kubelet-certificate-authority to the CA that signs kubelet serving certificates.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--kubelet-certificate-authority", "<path/to/ca.crt>"]])),
});
