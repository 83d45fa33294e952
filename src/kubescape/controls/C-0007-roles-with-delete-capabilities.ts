import { defineControl } from "./define.ts";
import { evaluateRbac } from "./lib/rbac.ts";

const RESOURCES = ["secrets", "pods", "services", "deployments", "replicasets", "daemonsets", "statefulsets", "jobs", "cronjobs", "*"];

/** Subjects that can delete workloads, services or secrets (data destruction). */
export const control = defineControl({
  id: "C-0007",
  description: "Lists subjects whose roles allow delete or deletecollection on pods, workloads, services or secrets.",
  remediation: "Grant delete rights only to the few subjects that need them; prefer read-only roles for daily work.",
  evaluate: (index) =>
    evaluateRbac(index, [{ verbs: ["delete", "deletecollection", "*"], apiGroups: ["", "*", "apps", "batch"], resources: RESOURCES }], { withReview: true }),
});
