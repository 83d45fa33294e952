import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0282-minimize-access-to-sa-token-creation.ts";
import { failedPaths, role, roleBinding, run, user } from "./upperRangeKit.ts";

describe("C-0282 service account token creation", () => {
  test("fails create on serviceaccounts/token", () => {
    const out = run(control, [role("r", "ns", [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }]), roleBinding("b", "ns", "Role", "r", [user("t")])]);
    expect(failedPaths(out.failed.get("User/t"))).toContain("relatedObjects[0].subjects[0]");
  });
  test("passes a binding whose Role is in another namespace (not resolved)", () => {
    const out = run(control, [role("r", "other", [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }]), roleBinding("b", "ns", "Role", "r", [user("t")])]);
    expect(out.failed.size).toBe(0);
  });
});
