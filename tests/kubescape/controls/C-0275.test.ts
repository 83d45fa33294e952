import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0275-minimize-host-pid-workloads.ts";
import { cronJob, deletePaths, pod, run } from "./upperRangeKit.ts";

describe("C-0275 hostPID", () => {
  test("fails hostPID: true", () => {
    expect(deletePaths(run(control, [cronJob("cj", { hostPID: true, containers: [] })]).failed.get("CronJob/cj"))).toEqual(["spec.jobTemplate.spec.template.spec.hostPID"]);
  });
  test("passes when unset or false", () => {
    const out = run(control, [pod("a", { containers: [] }), pod("b", { hostPID: false, containers: [] })]);
    expect([...out.passed].sort()).toEqual(["Pod/a", "Pod/b"]);
  });
});
