import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Certificate authentication from the API server to kubelets. */
export const control = defineControl({
  id: "C-0116",
  description: "Fails an API server missing --kubelet-client-certificate or --kubelet-client-key, so it cannot authenticate to kubelets.",
  remediation: "Set --kubelet-client-certificate and --kubelet-client-key on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--kubelet-client-certificate", "<path/to/appropriate/file>"], ["--kubelet-client-key", "<path/to/appropriate/file>"]])),
});
