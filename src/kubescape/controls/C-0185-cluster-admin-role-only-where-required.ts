import { defineControl } from "./define.ts";
import { evaluateSubjects, permissionPaths } from "./lib/subjectVectors.ts";

const ALL = { verbs: ["*"], apiGroups: ["*", ""], resources: ["*"] };

/** CIS 5.1.1: subjects bound to the cluster-admin ClusterRole through a ClusterRoleBinding. */
export const control = defineControl({
  id: "C-0185",
  description: "Lists subjects given the cluster-admin ClusterRole by a ClusterRoleBinding; cluster-admin should be used only where required.",
  remediation: "Bind subjects to narrower roles and remove cluster-admin ClusterRoleBindings that are not needed.",
  evaluate: (index) =>
    evaluateSubjects(index, "failed+delete", (v) => {
      const [binding, role] = v.relatedObjects;
      if (binding.kind !== "ClusterRoleBinding" || role.metadata.name !== "cluster-admin") return [];
      return permissionPaths(v, ALL);
    }),
});
