import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** The API server's serving certificate. */
export const control = defineControl({
  id: "C-0138",
  description: "Fails an API server missing --tls-cert-file or --tls-private-key-file.",
  remediation: "Set --tls-cert-file and --tls-private-key-file on kube-apiserver.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", required([["--tls-cert-file", "<path/to/tls-certificate-file.crt>"], ["--tls-private-key-file", "<path/to/tls-key-file.key>"]])),
});
