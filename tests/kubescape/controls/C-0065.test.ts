import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0065-no-impersonation.ts";
import { binding, failedPaths, role, run, user } from "./lib/objectFixtures.ts";

test("C-0065: impersonate on serviceaccounts fails, impersonate in another API group passes", () => {
  const r = run(control, [
    role("ClusterRole", "imp", [{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }]),
    role("ClusterRole", "imp-other", [{ apiGroups: ["authentication.k8s.io"], resources: ["userextras/scopes"], verbs: ["impersonate"] }]),
    binding("ClusterRoleBinding", "b1", { kind: "ClusterRole", name: "imp" }, [user("a")]),
    binding("ClusterRoleBinding", "b2", { kind: "ClusterRole", name: "imp-other" }, [user("b")]),
  ]);
  expect(r.get("User/a")?.status).toBe("failed");
  expect(failedPaths(r.get("User/a"))).toContain("relatedObjects[0].subjects[0]");
  expect(r.get("User/b")?.status).toBe("passed");
});
