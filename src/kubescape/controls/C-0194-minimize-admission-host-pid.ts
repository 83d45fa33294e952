import { defineControl } from "./define.ts";
import { baselineOrStricter, evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.x: namespaces must enforce a Pod Security Standard that rejects containers sharing the host process ID namespace. */
export const control = defineControl({
  id: "C-0194",
  description: "hostPID lets a container see and signal every process on the node; the baseline standard forbids it. Namespaces pass with pod-security.kubernetes.io/enforce set to baseline or restricted; a namespaced admission webhook is reported for review instead.",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=baseline (or enforce an equivalent policy with an admission controller).",
  evaluate: (index) => evaluateNamespaces(index, baselineOrStricter),
});
