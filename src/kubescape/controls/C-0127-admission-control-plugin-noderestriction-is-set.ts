import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** The NodeRestriction admission plugin. */
export const control = defineControl({
  id: "C-0127",
  description: "Fails an API server whose --enable-admission-plugins lacks NodeRestriction, so kubelets may modify other nodes' objects.",
  remediation: "Add NodeRestriction to --enable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--enable-admission-plugins", "NodeRestriction")),
});
