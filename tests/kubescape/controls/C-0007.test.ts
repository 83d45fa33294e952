import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0007-roles-with-delete-capabilities.ts";
import { binding, failedPaths, role, run, user } from "./lib/objectFixtures.ts";

test("C-0007: delete on deployments (apps) fails, delete on configmaps passes", () => {
  const r = run(control, [
    role("ClusterRole", "deleter", [
      { apiGroups: ["apps"], resources: ["configmaps", "deployments"], verbs: ["get", "deletecollection"] },
    ]),
    role("ClusterRole", "cm", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["delete"] }]),
    binding("ClusterRoleBinding", "b1", { kind: "ClusterRole", name: "deleter" }, [user("a")]),
    binding("ClusterRoleBinding", "b2", { kind: "ClusterRole", name: "cm" }, [user("b")]),
  ]);
  expect(r.get("User/a")?.status).toBe("failed");
  expect(failedPaths(r.get("User/a"))).toEqual([
    "relatedObjects[1].rules[0].resources[1]",
    "relatedObjects[1].rules[0].verbs[1]",
    "relatedObjects[1].rules[0].apiGroups[0]",
    "relatedObjects[0].subjects[0]",
    "relatedObjects[0].roleRef.name",
  ]);
  expect(r.get("User/b")?.status).toBe("passed");
});
