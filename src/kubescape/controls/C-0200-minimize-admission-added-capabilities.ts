import { defineControl } from "./define.ts";
import { restrictedOnly, evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.x: namespaces must enforce a Pod Security Standard that rejects containers with added capabilities. */
export const control = defineControl({
  id: "C-0200",
  description: "Only the restricted Pod Security Standard limits added capabilities to NET_BIND_SERVICE. Namespaces pass with pod-security.kubernetes.io/enforce set to restricted; a namespaced admission webhook is reported for review instead.",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=restricted (or enforce an equivalent policy with an admission controller).",
  evaluate: (index) => evaluateNamespaces(index, restrictedOnly),
});
