import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0278-minimize-access-to-create-pvs.ts";
import { clusterRole, clusterRoleBinding, failedPaths, run, sa } from "./upperRangeKit.ts";

describe("C-0278 create persistent volumes", () => {
  test("fails create on persistentvolumes", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }]), clusterRoleBinding("b", "r", [sa("prov", "kube-system")])]);
    expect(failedPaths(out.failed.get("ServiceAccount/prov"))).toEqual(["relatedObjects[1].rules[0].resources[0]", "relatedObjects[1].rules[0].verbs[0]", "relatedObjects[1].rules[0].apiGroups[0]", "relatedObjects[0].subjects[0]", "relatedObjects[0].roleRef.name"]);
  });
  test("passes claims only", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["create"] }]), clusterRoleBinding("b", "r", [sa("prov", "kube-system")])]);
    expect(out.passed.has("ServiceAccount/prov")).toBe(true);
  });
});
