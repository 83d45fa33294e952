import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0191-limit-bind-impersonate-escalate.ts";
import { clusterRole, clusterRoleBinding, failedPaths, reviewPaths, run, user } from "./upperRangeKit.ts";

describe("C-0191 bind, escalate, impersonate", () => {
  test("fails escalate on roles and impersonate on users", () => {
    const out = run(control, [
      clusterRole("r", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["escalate"] }, { apiGroups: [""], resources: ["users"], verbs: ["impersonate"] }]),
      clusterRoleBinding("b", "r", [user("eve")]),
    ]);
    const paths = out.failed.get("User/eve");
    expect(reviewPaths(paths)).toContain("relatedObjects[1].rules[0].verbs[0]");
    expect(failedPaths(paths)).toContain("relatedObjects[1].rules[1].verbs[0]");
    expect(reviewPaths(paths)).toEqual(failedPaths(paths));
  });
  test("passes ordinary RBAC reads", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["get", "list"] }]), clusterRoleBinding("b", "r", [user("eve")])]);
    expect(out.passed.has("User/eve")).toBe(true);
  });
});
