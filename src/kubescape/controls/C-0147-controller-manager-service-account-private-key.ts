import { defineControl } from "./define.ts";
import { evaluateFlags, required } from "./lib/apiServerFlags.ts";

/** The key used to sign service account tokens. */
export const control = defineControl({
  id: "C-0147",
  description: "Fails a controller manager without --service-account-private-key-file.",
  remediation: "Set --service-account-private-key-file on kube-controller-manager.",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", required([["--service-account-private-key-file", "<path/to/key/filename.key>"]])),
});
