import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** RBAC authorization. */
export const control = defineControl({
  id: "C-0120",
  description: "Fails an API server whose --authorization-mode does not include RBAC (or is absent).",
  remediation: "Add RBAC to --authorization-mode (e.g. Node,RBAC).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--authorization-mode", "RBAC")),
});
