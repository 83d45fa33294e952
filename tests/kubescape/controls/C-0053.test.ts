import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0053-access-container-service-account.ts";
import { binding, obj, role, run, sa, user } from "./lib/objectFixtures.ts";

test("C-0053: every bound service account is listed as failed, whatever its automount setting; users are not listed", () => {
  const r = run(control, [
    role("Role", "r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]),
    obj("v1", "ServiceAccount", "quiet", "apps", { automountServiceAccountToken: false }),
    binding("RoleBinding", "b", { kind: "Role", name: "r" }, [sa("loud"), sa("quiet"), user("u")]),
  ]);
  expect(r.get("ServiceAccount/loud")?.status).toBe("failed");
  expect(r.get("ServiceAccount/loud")?.result.related?.map((o) => o.kind)).toEqual(["RoleBinding", "Role"]);
  expect(r.get("ServiceAccount/quiet")?.status).toBe("failed");
  expect(r.has("User/u")).toBe(false);
  expect(run(control, [role("Role", "r", [])]).size).toBe(0);
});
