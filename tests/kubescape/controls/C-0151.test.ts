import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0151-scheduler-profiling-false.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0151 scheduler --profiling", () => {
  test("fails on --profiling=true and when absent", () => {
    const out = run(control, [cpPod("s1", "kube-scheduler", ["--profiling=true"]), cpPod("s2", "kube-scheduler", ["--leader-elect=true"])]);
    expect(failedPaths(out.failed.get("Pod/s1"))).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(out.failed.get("Pod/s2"))).toEqual([{ path: "spec.containers[0].command[2]", value: "--profiling=false" }]);
  });
  test("passes with --profiling=false", () => {
    expect(run(control, [cpPod("s", "kube-scheduler", ["--profiling=false"])]).passed.has("Pod/s")).toBe(true);
  });
});
