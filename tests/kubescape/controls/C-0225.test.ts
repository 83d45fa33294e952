import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0225-prefer-dedicated-eks-service-accounts.ts";
import { deletePaths, roleBinding, run, sa } from "./upperRangeKit.ts";

describe("C-0225 dedicated service accounts", () => {
  test("fails a binding to a default ServiceAccount", () => {
    const out = run(control, [roleBinding("rb", "apps", "Role", "r", [sa("web", "apps"), sa("default", "apps")])]);
    expect(deletePaths(out.failed.get("RoleBinding/rb"))).toEqual(["subjects[1]"]);
  });
  test("passes dedicated accounts and the bootstrap rbac-defaults bindings", () => {
    const boot = { ...roleBinding("sys", "kube-system", "Role", "r", [sa("default", "kube-system")]), metadata: { name: "sys", namespace: "kube-system", labels: { "kubernetes.io/bootstrapping": "rbac-defaults" } } };
    const defaultSa = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "apps" }, automountServiceAccountToken: false };
    const out = run(control, [roleBinding("rb", "apps", "Role", "r", [sa("web", "apps")]), boot, defaultSa]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("ServiceAccount/default")).toBe(true);
  });
});
