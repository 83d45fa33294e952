import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0188-minimize-access-to-create-pods.ts";
import { clusterRole, failedPaths, roleBinding, run, user } from "./upperRangeKit.ts";

describe("C-0188 create pods", () => {
  test("fails a user that can create pods through a RoleBinding to a ClusterRole", () => {
    const out = run(control, [clusterRole("editor", [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "create"] }]), roleBinding("rb", "team", "ClusterRole", "editor", [user("dan")])]);
    expect(failedPaths(out.failed.get("User/dan"))).toEqual([
      "relatedObjects[1].rules[0].resources[0]",
      "relatedObjects[1].rules[0].verbs[1]",
      "relatedObjects[1].rules[0].apiGroups[0]",
      "relatedObjects[0].subjects[0]",
      "relatedObjects[0].roleRef.name",
    ]);
  });
  test("passes pods in another API group", () => {
    const out = run(control, [clusterRole("m", [{ apiGroups: ["metrics.k8s.io"], resources: ["pods"], verbs: ["create"] }]), roleBinding("rb", "team", "ClusterRole", "m", [user("dan")])]);
    expect(out.passed.has("User/dan")).toBe(true);
  });
});
