import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0279-minimize-access-to-node-proxy.ts";
import { clusterRole, clusterRoleBinding, failedPaths, run, user } from "./upperRangeKit.ts";

describe("C-0279 nodes/proxy", () => {
  test("fails get on nodes/proxy", () => {
    const out = run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["nodes", "nodes/proxy"], verbs: ["get"] }]), clusterRoleBinding("b", "r", [user("m")])]);
    expect(failedPaths(out.failed.get("User/m"))[0]).toBe("relatedObjects[1].rules[0].resources[1]");
  });
  test("passes nodes without proxy", () => {
    expect(run(control, [clusterRole("r", [{ apiGroups: [""], resources: ["nodes"], verbs: ["get"] }]), clusterRoleBinding("b", "r", [user("m")])]).passed.has("User/m")).toBe(true);
  });
});
