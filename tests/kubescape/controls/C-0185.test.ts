import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0185-cluster-admin-role-only-where-required.ts";
import { clusterRole, clusterRoleBinding, deletePaths, failedPaths, roleBinding, run, user } from "./upperRangeKit.ts";

const admin = clusterRole("cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
describe("C-0185 cluster-admin only where required", () => {
  test("fails a subject bound to cluster-admin by a ClusterRoleBinding, with delete paths", () => {
    const out = run(control, [admin, clusterRoleBinding("crb", "cluster-admin", [user("alice")])]);
    const paths = out.failed.get("User/alice");
    expect(failedPaths(paths)).toEqual([
      "relatedObjects[1].rules[0].resources[0]",
      "relatedObjects[1].rules[0].verbs[0]",
      "relatedObjects[1].rules[0].apiGroups[0]",
      "relatedObjects[0].subjects[0]",
      "relatedObjects[0].roleRef.name",
    ]);
    expect(deletePaths(paths)).toEqual(failedPaths(paths));
  });
  test("passes a namespaced RoleBinding to cluster-admin and other roles", () => {
    const out = run(control, [admin, clusterRole("view", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), roleBinding("rb", "team", "ClusterRole", "cluster-admin", [user("bob")]), clusterRoleBinding("v", "view", [user("carol")])]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["User/bob", "User/carol"]);
  });
});
