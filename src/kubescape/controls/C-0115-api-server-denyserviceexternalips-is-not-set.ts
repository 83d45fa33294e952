import { defineControl } from "./define.ts";
import { evaluateFlags, listExcludes } from "./lib/apiServerFlags.ts";

/** The DenyServiceExternalIPs admission plugin in the enabled list. */
export const control = defineControl({
  id: "C-0115",
  description: "Fails an API server whose --enable-admission-plugins lists DenyServiceExternalIPs (kubescape's reading of this CIS item).",
  remediation: "Review the admission plugin list; remove DenyServiceExternalIPs from --enable-admission-plugins if it is not wanted.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listExcludes("--enable-admission-plugins", "DenyServiceExternalIPs")),
});
