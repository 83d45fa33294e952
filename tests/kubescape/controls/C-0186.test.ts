import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0186-minimize-access-to-secrets.ts";
import { failedPaths, role, roleBinding, run, sa } from "./upperRangeKit.ts";

describe("C-0186 minimize access to secrets", () => {
  test("fails a service account that can list secrets", () => {
    const out = run(control, [role("r", "ns", [{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["list"] }]), roleBinding("rb", "ns", "Role", "r", [sa("app", "ns")])]);
    expect(failedPaths(out.failed.get("ServiceAccount/app"))).toEqual([
      "relatedObjects[1].rules[0].resources[1]",
      "relatedObjects[1].rules[0].verbs[0]",
      "relatedObjects[1].rules[0].apiGroups[0]",
      "relatedObjects[0].subjects[0]",
      "relatedObjects[0].roleRef.name",
    ]);
  });
  test("passes create-only access and other resources", () => {
    const out = run(control, [role("r", "ns", [{ apiGroups: [""], resources: ["secrets"], verbs: ["create"] }, { apiGroups: ["*"], resources: ["pods"], verbs: ["*"] }]), roleBinding("rb", "ns", "Role", "r", [sa("app", "ns")])]);
    expect(out.passed.has("ServiceAccount/app")).toBe(true);
    expect(out.failed.size).toBe(0);
  });
});
