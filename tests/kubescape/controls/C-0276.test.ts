import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0276-minimize-host-ipc-workloads.ts";
import { cronJob, deletePaths, pod, run } from "./upperRangeKit.ts";

describe("C-0276 hostIPC", () => {
  test("fails hostIPC: true", () => {
    expect(deletePaths(run(control, [cronJob("cj", { hostIPC: true, containers: [] })]).failed.get("CronJob/cj"))).toEqual(["spec.jobTemplate.spec.template.spec.hostIPC"]);
  });
  test("passes when unset or false", () => {
    const out = run(control, [pod("a", { containers: [] }), pod("b", { hostIPC: false, containers: [] })]);
    expect([...out.passed].sort()).toEqual(["Pod/a", "Pod/b"]);
  });
});
