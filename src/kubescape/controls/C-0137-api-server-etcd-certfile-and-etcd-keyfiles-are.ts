import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** Client certificate authentication to etcd. */
export const control = defineControl({
  id: "C-0137",
  description: "Fails an API server missing --etcd-certfile or --etcd-keyfile, so it does not authenticate to etcd with a certificate.",
  remediation: "Set --etcd-certfile and --etcd-keyfile on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--etcd-certfile", "<path/to/client-certificate-file.crt>"], ["--etcd-keyfile", "<path/to/client-key-file.key>"]])),
});
