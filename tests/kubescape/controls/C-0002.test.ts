import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0002-prevent-containers-from-allowing-command-execution.ts";
import { binding, failedPaths, reviewPaths, role, run, sa, user } from "./lib/objectFixtures.ts";

describe("C-0002 exec into container", () => {
  test("a user bound (via RoleBinding) to a ClusterRole with create on pods/* fails with kubescape's paths", () => {
    const r = run(control, [
      role("ClusterRole", "exec-all", [{ apiGroups: [""], resources: ["pods/*"], verbs: ["create", "list"] }]),
      binding("RoleBinding", "dave-exec", { kind: "ClusterRole", name: "exec-all" }, [user("dave")]),
    ]);
    const dave = r.get("User/dave");
    expect(dave?.status).toBe("failed");
    const expected = [
      "relatedObjects[1].rules[0].resources[0]",
      "relatedObjects[1].rules[0].verbs[0]",
      "relatedObjects[1].rules[0].apiGroups[0]",
      "relatedObjects[0].subjects[0]",
      "relatedObjects[0].roleRef.name",
    ];
    expect(failedPaths(dave)).toEqual(expected);
    expect(reviewPaths(dave)).toEqual(expected);
    expect(dave?.result.related?.map((o) => o.kind)).toEqual(["RoleBinding", "ClusterRole"]);
  });

  test("wildcards match; other verbs, other resources and other API groups do not", () => {
    const r = run(control, [
      role("Role", "star", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
      role("Role", "read", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["get"] }]),
      role("Role", "apps", [{ apiGroups: ["apps"], resources: ["pods/exec"], verbs: ["create"] }]),
      binding("RoleBinding", "b1", { kind: "Role", name: "star" }, [sa("admin")]),
      binding("RoleBinding", "b2", { kind: "Role", name: "read" }, [sa("reader")]),
      binding("RoleBinding", "b3", { kind: "Role", name: "apps" }, [user("ops")]),
    ]);
    expect(r.get("ServiceAccount/admin")?.status).toBe("failed");
    expect(r.get("ServiceAccount/reader")?.status).toBe("passed");
    expect(r.get("User/ops")?.status).toBe("passed");
  });

  test("a RoleBinding to a Role in another namespace does not resolve", () => {
    const r = run(control, [
      role("Role", "exec", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }], "other"),
      binding("RoleBinding", "b", { kind: "Role", name: "exec" }, [user("eve")], "apps"),
    ]);
    expect(r.get("User/eve")).toBeUndefined();
  });
});
