import { defineControl } from "./define.ts";
import { baselineOrStricter, evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.x: namespaces must enforce a Pod Security Standard that rejects containers sharing the host IPC namespace. */
export const control = defineControl({
  id: "C-0195",
  description: "hostIPC lets a container reach the node's shared memory; the baseline standard forbids it. Namespaces pass with pod-security.kubernetes.io/enforce set to baseline or restricted; a namespaced admission webhook is reported for review instead.",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=baseline (or enforce an equivalent policy with an admission controller).",
  evaluate: (index) => evaluateNamespaces(index, baselineOrStricter),
});
