import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0031-delete-kubernetes-events.ts";
import { binding, failedPaths, role, run, user } from "./lib/objectFixtures.ts";

test("C-0031: deletecollection on events fails, create on events passes", () => {
  const r = run(control, [
    role("ClusterRole", "ev", [{ apiGroups: ["*"], resources: ["events"], verbs: ["deletecollection"] }]),
    role("ClusterRole", "ev-create", [{ apiGroups: [""], resources: ["events"], verbs: ["create"] }]),
    binding("ClusterRoleBinding", "b1", { kind: "ClusterRole", name: "ev" }, [user("x")]),
    binding("ClusterRoleBinding", "b2", { kind: "ClusterRole", name: "ev-create" }, [user("y")]),
  ]);
  expect(r.get("User/x")?.status).toBe("failed");
  expect(failedPaths(r.get("User/x"))).toContain("relatedObjects[1].rules[0].verbs[0]");
  expect(r.get("User/y")?.status).toBe("passed");
});
