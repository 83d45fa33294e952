import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** SecurityContextDeny when PodSecurityPolicy is not used. */
export const control = defineControl({
  id: "C-0124",
  description: "Fails an API server whose --enable-admission-plugins has neither SecurityContextDeny nor PodSecurityPolicy.",
  remediation: "Add SecurityContextDeny (or a pod security admission mechanism) to --enable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--enable-admission-plugins", "SecurityContextDeny", ["PodSecurityPolicy"])),
});
