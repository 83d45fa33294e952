import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0232-rbac-users-aws-iam-authenticator.ts";
import { clusterRole, role, run } from "./upperRangeKit.ts";

describe("C-0232 review Roles for IAM Authenticator", () => {
  test("lists Roles for review but not ClusterRoles", () => {
    const out = run(control, [role("r", "a", []), clusterRole("c", [])]);
    expect([...out.failed.keys()]).toEqual(["Role/r"]);
    expect(out.passed.size).toBe(0);
  });
});
