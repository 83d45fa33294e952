import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0035-administrative-roles.ts";
import { binding, failedPaths, role, run, user } from "./lib/objectFixtures.ts";

test("C-0035: * on * fails; * verbs on pods only passes", () => {
  const group = { kind: "Group", name: "admins", apiGroup: "rbac.authorization.k8s.io" };
  const r = run(control, [
    role("ClusterRole", "cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]),
    role("ClusterRole", "pods-admin", [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }]),
    binding("ClusterRoleBinding", "b1", { kind: "ClusterRole", name: "cluster-admin" }, [group]),
    binding("ClusterRoleBinding", "b2", { kind: "ClusterRole", name: "pods-admin" }, [user("p")]),
  ]);
  expect(r.get("Group/admins")?.status).toBe("failed");
  expect(failedPaths(r.get("Group/admins"))).toEqual([
    "relatedObjects[1].rules[0].resources[0]",
    "relatedObjects[1].rules[0].verbs[0]",
    "relatedObjects[1].rules[0].apiGroups[0]",
    "relatedObjects[0].subjects[0]",
    "relatedObjects[0].roleRef.name",
  ]);
  expect(r.get("User/p")?.status).toBe("passed");
});

test("C-0035: an aggregated ClusterRole without rules of its own gets the selected roles' rules (file scans)", () => {
  const agg = { ...role("ClusterRole", "aggregate-admin", []), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-admin": "true" } }] } };
  const part = role("ClusterRole", "part", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
  part.metadata.labels = { "rbac.example.com/aggregate-to-admin": "true" };
  const r = run(control, [agg, part, binding("ClusterRoleBinding", "b", { kind: "ClusterRole", name: "aggregate-admin" }, [user("ops")])]);
  expect(r.get("User/ops")?.status).toBe("failed");
});
