import { defineControl } from "./define.ts";
import { evaluateFlags, listExcludes } from "./lib/apiServerFlags.ts";

/** The NamespaceLifecycle admission plugin switched off. */
export const control = defineControl({
  id: "C-0126",
  description: "Fails an API server whose --disable-admission-plugins lists NamespaceLifecycle.",
  remediation: "Remove NamespaceLifecycle from --disable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listExcludes("--disable-admission-plugins", "NamespaceLifecycle")),
});
