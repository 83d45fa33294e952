import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Verification of etcd's serving certificate. */
export const control = defineControl({
  id: "C-0140",
  description: "Fails an API server without --etcd-cafile, so it does not verify etcd's certificate.",
  remediation: "Set --etcd-cafile on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--etcd-cafile", "<path/to/ca-file.crt>"]])),
});
