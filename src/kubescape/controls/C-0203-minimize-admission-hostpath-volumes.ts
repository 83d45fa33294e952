import { defineControl } from "./define.ts";
import { baselineOrStricter, evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.x: namespaces must enforce a Pod Security Standard that rejects hostPath volumes. */
export const control = defineControl({
  id: "C-0203",
  description: "hostPath volumes expose node files; the baseline standard forbids them. Namespaces pass with pod-security.kubernetes.io/enforce set to baseline or restricted; a namespaced admission webhook is reported for review instead.",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=baseline (or enforce an equivalent policy with an admission controller).",
  evaluate: (index) => evaluateNamespaces(index, baselineOrStricter),
});
