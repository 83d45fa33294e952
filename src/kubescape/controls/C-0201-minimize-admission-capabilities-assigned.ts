import { defineControl } from "./define.ts";
import { restrictedOnly, evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.x: namespaces must enforce a Pod Security Standard that rejects containers with capabilities assigned. */
export const control = defineControl({
  id: "C-0201",
  description: "Only the restricted Pod Security Standard requires dropping ALL capabilities. Namespaces pass with pod-security.kubernetes.io/enforce set to restricted; a namespaced admission webhook is reported for review instead.",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=restricted (or enforce an equivalent policy with an admission controller).",
  evaluate: (index) => evaluateNamespaces(index, restrictedOnly),
});
