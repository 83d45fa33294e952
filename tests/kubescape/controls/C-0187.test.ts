import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0187-minimize-wildcard-use-in-roles.ts";
import { clusterRole, clusterRoleBinding, failedPaths, group, reviewPaths, run } from "./upperRangeKit.ts";

describe("C-0187 wildcard use", () => {
  test("fails * on * and reports review paths", () => {
    const out = run(control, [clusterRole("all", [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }]), clusterRoleBinding("b", "all", [group("devs")])]);
    const paths = out.failed.get("Group/devs");
    expect(failedPaths(paths)).toContain("relatedObjects[1].rules[0].resources[0]");
    expect(reviewPaths(paths)).toEqual(failedPaths(paths));
  });
  test("follows ClusterRole aggregation when the aggregated role has no rules of its own", () => {
    const agg = clusterRole("agg", [], { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate": "true" } }] } });
    const part = { ...clusterRole("part", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]), metadata: { name: "part", labels: { "rbac.example.com/aggregate": "true" } } };
    const out = run(control, [agg, part, clusterRoleBinding("b", "agg", [group("ops")])]);
    expect(out.failed.has("Group/ops")).toBe(true);
  });
  test("passes specific permissions", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }]), clusterRoleBinding("b", "r", [group("devs")])]);
    expect(out.passed.has("Group/devs")).toBe(true);
  });
});
