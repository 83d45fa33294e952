import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0262-anonymous-user-has-rolebinding.ts";
import { clusterRoleBinding, deletePaths, failedPaths, group, roleBinding, run, user } from "./upperRangeKit.ts";

describe("C-0262 anonymous user has a binding", () => {
  test("fails bindings naming system:anonymous or system:unauthenticated", () => {
    const out = run(control, [clusterRoleBinding("anon", "view", [user("a"), user("system:anonymous")]), roleBinding("rb", "ns", "Role", "r", [group("system:unauthenticated")])]);
    expect(failedPaths(out.failed.get("ClusterRoleBinding/anon"))).toEqual(["subjects[1]"]);
    expect(deletePaths(out.failed.get("RoleBinding/rb"))).toEqual(["subjects[0]"]);
  });
  test("passes other bindings", () => {
    expect(run(control, [clusterRoleBinding("ok", "view", [group("system:authenticated")])]).passed.has("ClusterRoleBinding/ok")).toBe(true);
  });
});
