import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0160-minimal-audit-policy.ts";
import { cpPod, failedPaths, run } from "./upperRangeKit.ts";

describe("C-0160 audit policy", () => {
  test("fails without --audit-policy-file", () => {
    expect(failedPaths(run(control, [cpPod("api", "kube-apiserver", ["--a=1"])]).failed.get("Pod/api"))).toEqual(["spec.containers[0].command[2]"]);
  });
  test("points at the end of args when flags live there", () => {
    expect(failedPaths(run(control, [cpPod("api", "kube-apiserver", [], ["--a=1", "--b=2", "--c=3", "--d=4"])]).failed.get("Pod/api"))).toEqual(["spec.containers[0].args[4]"]);
  });
  test("passes with it", () => {
    expect(run(control, [cpPod("api", "kube-apiserver", ["--audit-policy-file=/etc/audit.yaml"])]).passed.has("Pod/api")).toBe(true);
  });
});
