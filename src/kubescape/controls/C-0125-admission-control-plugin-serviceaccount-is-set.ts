import { defineControl } from "./define.ts";
import { evaluateFlags, listExcludes } from "./lib/apiServerFlags.ts";

/** The ServiceAccount admission plugin switched off. */
export const control = defineControl({
  id: "C-0125",
  description: "Fails an API server whose --disable-admission-plugins lists ServiceAccount.",
  remediation: "Remove ServiceAccount from --disable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listExcludes("--disable-admission-plugins", "ServiceAccount")),
});
