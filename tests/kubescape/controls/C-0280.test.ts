import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0280-minimize-access-to-csr-approval.ts";
import { clusterRole, clusterRoleBinding, failedPaths, run, user } from "./upperRangeKit.ts";

describe("C-0280 CSR approval", () => {
  test("fails update on certificatesigningrequests/approval", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update"] }]), clusterRoleBinding("b", "r", [user("ca")])]);
    expect(failedPaths(out.failed.get("User/ca")).length).toBe(5);
  });
  test("passes reading CSRs", () => {
    expect(run(control, [clusterRole("r", [{ apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests"], verbs: ["get"] }]), clusterRoleBinding("b", "r", [user("ca")])]).passed.has("User/ca")).toBe(true);
  });
});
