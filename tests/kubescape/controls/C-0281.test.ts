import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0281-minimize-access-to-webhook-configurations.ts";
import { clusterRole, clusterRoleBinding, failedPaths, run, user } from "./upperRangeKit.ts";

describe("C-0281 webhook configurations", () => {
  test("fails patch on mutating webhook configurations", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations"], verbs: ["patch"] }]), clusterRoleBinding("b", "r", [user("w")])]);
    expect(failedPaths(out.failed.get("User/w"))[0]).toBe("relatedObjects[1].rules[0].resources[0]");
  });
  test("passes read-only access", () => {
    expect(run(control, [clusterRole("r", [{ apiGroups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations"], verbs: ["get", "list"] }]), clusterRoleBinding("b", "r", [user("w")])]).passed.has("User/w")).toBe(true);
  });
});
