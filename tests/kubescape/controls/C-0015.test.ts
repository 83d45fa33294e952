import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0015-list-kubernetes-secrets.ts";
import { binding, failedPaths, role, run, sa } from "./lib/objectFixtures.ts";

test("C-0015: watch on secrets fails (with kubescape's paths), get on configmaps passes", () => {
  const r = run(control, [
    role("Role", "secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["watch"] }]),
    role("Role", "cms", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }]),
    binding("RoleBinding", "b1", { kind: "Role", name: "secrets" }, [sa("other"), sa("app")]),
    binding("RoleBinding", "b2", { kind: "Role", name: "cms" }, [sa("web")]),
  ]);
  expect(r.get("ServiceAccount/app")?.status).toBe("failed");
  expect(failedPaths(r.get("ServiceAccount/app"))).toEqual([
    "relatedObjects[1].rules[0].resources[0]",
    "relatedObjects[1].rules[0].verbs[0]",
    "relatedObjects[1].rules[0].apiGroups[0]",
    "relatedObjects[0].subjects[1]",
    "relatedObjects[0].roleRef.name",
  ]);
  expect(r.get("ServiceAccount/web")?.status).toBe("passed");
});
