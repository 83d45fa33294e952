import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0265-system-authenticated-elevated-roles.ts";
import { clusterRole, clusterRoleBinding, failedPaths, group, run } from "./upperRangeKit.ts";

describe("C-0265 system:authenticated with elevated roles", () => {
  test("fails when system:authenticated can reach secrets", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]), clusterRoleBinding("b", "r", [group("system:authenticated")])]);
    expect(failedPaths(out.failed.get("Group/system:authenticated"))).toEqual(["", "relatedObjects[0].subjects[0]", "relatedObjects[1].roleRef.name"]);
  });
  test("passes discovery-style roles and other groups", () => {
    const out = run(control, [
      clusterRole("disc", [{ nonResourceURLs: ["/api"], verbs: ["get"] }]),
      clusterRole("sec", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
      clusterRoleBinding("b1", "disc", [group("system:authenticated")]),
      clusterRoleBinding("b2", "sec", [group("admins")]),
    ]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("Group/system:authenticated")).toBe(true);
  });
});
