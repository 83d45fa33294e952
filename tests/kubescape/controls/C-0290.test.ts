import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0290-apiserver-sa-extend-token-expiration.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0290 --service-account-extend-token-expiration", () => {
  test("fails when true or absent", () => {
    const out = run(control, [cpPod("a1", "kube-apiserver", ["--service-account-extend-token-expiration=true"]), cpPod("a2", "kube-apiserver", [])]);
    expect(failedPaths(out.failed.get("Pod/a1"))).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(out.failed.get("Pod/a2"))).toEqual([{ path: "spec.containers[0].command[1]", value: "--service-account-extend-token-expiration=false" }]);
  });
  test("passes when false", () => {
    expect(run(control, [cpPod("a", "kube-apiserver", ["--service-account-extend-token-expiration=false"])]).passed.has("Pod/a")).toBe(true);
  });
  test("the fix rewrites the entry in place", () => {
    const paths = run(control, [cpPod("a", "kube-apiserver", ["--service-account-extend-token-expiration=true"])]).failed.get("Pod/a");
    expect(fixPaths(paths)).toEqual([{ path: "spec.containers[0].command[1]", value: "--service-account-extend-token-expiration=false" }]);
  });
});
