import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0150-controller-manager-bind-address.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

const KCM = "kube-controller-manager";
describe("C-0150 controller manager --bind-address", () => {
  test("fails on 0.0.0.0 with the flag's path and the fix", () => {
    const out = run(control, [cpPod("kcm", KCM, ["--bind-address=0.0.0.0", "--profiling=false"])]);
    const paths = out.failed.get("Pod/kcm");
    expect(failedPaths(paths)).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(paths)).toEqual([{ path: "spec.containers[0].command[1]", value: "--bind-address=127.0.0.1" }]);
  });
  test("fails when absent with a fix appended (to args when flags live there)", () => {
    expect(fixPaths(run(control, [cpPod("kcm", KCM, ["--a=b"])]).failed.get("Pod/kcm"))).toEqual([{ path: "spec.containers[0].command[2]", value: "--bind-address=127.0.0.1" }]);
    expect(fixPaths(run(control, [cpPod("kcm", KCM, [], ["--x=1"])]).failed.get("Pod/kcm"))).toEqual([{ path: "spec.containers[0].args[1]", value: "--bind-address=127.0.0.1" }]);
  });
  test("passes on 127.0.0.1 (also in args) and ignores other pods", () => {
    const out = run(control, [cpPod("kcm", KCM, [], ["--bind-address=127.0.0.1"]), { ...cpPod("other", KCM, []), metadata: { name: "other", namespace: "default" } }]);
    expect(out.passed.has("Pod/kcm")).toBe(true);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("Pod/other")).toBe(false);
  });
});
