import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0063-portforwarding-privileges.ts";
import { binding, failedPaths, role, run, user } from "./lib/objectFixtures.ts";

test("C-0063: create on pods/portforward fails, get on pods/portforward passes", () => {
  const r = run(control, [
    role("Role", "pf", [{ apiGroups: [""], resources: ["pods", "pods/portforward"], verbs: ["create"] }]),
    role("Role", "ro", [{ apiGroups: [""], resources: ["pods/portforward"], verbs: ["get"] }]),
    binding("RoleBinding", "b1", { kind: "Role", name: "pf" }, [user("a")]),
    binding("RoleBinding", "b2", { kind: "Role", name: "ro" }, [user("b")]),
  ]);
  expect(failedPaths(r.get("User/a"))).toEqual([
    "relatedObjects[1].rules[0].resources[1]",
    "relatedObjects[1].rules[0].verbs[0]",
    "relatedObjects[1].rules[0].apiGroups[0]",
    "relatedObjects[0].subjects[0]",
    "relatedObjects[0].roleRef.name",
  ]);
  expect(r.get("User/b")?.status).toBe("passed");
});
