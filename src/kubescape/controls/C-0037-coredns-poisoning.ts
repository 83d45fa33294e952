import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";
import { strings } from "./lib/workload.ts";

const BASE = { verbs: ["update", "patch", "*"], apiGroups: ["", "*"], resources: ["configmaps", "*"] };

/** Subjects that can modify the coredns ConfigMap (all configmaps, or coredns by name). */
export const control = defineControl({
  id: "C-0037",
  description: "Lists subjects that can update or patch configmaps without a resourceNames limit, or the coredns configmap by name, and so poison cluster DNS.",
  remediation: "Limit update/patch on configmaps (especially kube-system/coredns) to cluster administrators.",
  evaluate: (index) =>
    evaluateRbac(index, [
      { ...BASE, when: (rule) => rule.resourceNames === undefined || rule.resourceNames === null },
      { ...BASE, when: (rule) => strings(rule.resourceNames).includes("coredns") },
    ], { withReview: true }),
});
