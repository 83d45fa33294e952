import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0053-access-container-service-account.ts";
import { binding, obj, role, run, sa, user } from "./lib/objectFixtures.ts";

test("C-0053: a bound service account with a mounted token fails; one with automount off passes; users are not listed", () => {
  const r = run(control, [
    role("Role", "r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]),
    obj("v1", "ServiceAccount", "quiet", "apps", { automountServiceAccountToken: false }),
    obj("v1", "ServiceAccount", "loud", "apps"),
    binding("RoleBinding", "b", { kind: "Role", name: "r" }, [sa("loud"), sa("quiet"), user("u")]),
  ]);
  expect(r.get("ServiceAccount/loud")?.status).toBe("failed");
  expect(r.get("ServiceAccount/quiet")?.status).toBe("passed");
  expect(r.get("User/u")).toBeUndefined();
});
