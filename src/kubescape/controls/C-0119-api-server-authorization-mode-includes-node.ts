import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** Node authorization for kubelets. */
export const control = defineControl({
  id: "C-0119",
  description: "Fails an API server whose --authorization-mode does not include Node (or is absent), so kubelets may read objects of other nodes.",
  remediation: "Add Node to --authorization-mode (e.g. Node,RBAC).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--authorization-mode", "Node")),
});
