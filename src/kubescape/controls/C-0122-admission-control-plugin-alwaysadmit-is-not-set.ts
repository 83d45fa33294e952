import { defineControl } from "./define.ts";
import { evaluateFlags, listExcludes } from "./lib/apiServerFlags.ts";

/** The AlwaysAdmit admission plugin. */
export const control = defineControl({
  id: "C-0122",
  description: "Fails an API server whose --enable-admission-plugins lists AlwaysAdmit, which admits every request.",
  remediation: "Remove AlwaysAdmit from --enable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listExcludes("--enable-admission-plugins", "AlwaysAdmit")),
});
