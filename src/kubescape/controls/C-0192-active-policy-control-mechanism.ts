import { defineControl } from "./define.ts";
import { evaluateNamespaces } from "./lib/psaNamespaces.ts";

/** CIS 5.2.1: each namespace needs some policy control: any pod-security.kubernetes.io/* label, or a third-party admission webhook. */
export const control = defineControl({
  id: "C-0192",
  description: "Without Pod Security Admission labels or a policy webhook nothing stops risky Pods from being admitted.",
  remediation: "Add pod-security.kubernetes.io/enforce (or warn/audit) labels to each namespace, or deploy a policy admission controller.",
  evaluate: (index) =>
    evaluateNamespaces(index, (ns) => Object.keys(ns.metadata.labels ?? {}).some((l) => l.startsWith("pod-security.kubernetes.io/")), false),
});
