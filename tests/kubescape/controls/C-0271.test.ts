import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0271-ensure-memory-limits-set.ts";
import { cronJob, fixPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0271 resources.limits.memory", () => {
  test("fails each container without it", () => {
    const out = run(control, [cronJob("cj", { containers: [{ name: "a", resources: { limits: { memory: "1" } } }, { name: "b", resources: {} }] })]);
    expect(fixPaths(out.failed.get("CronJob/cj"))).toEqual([{ path: "spec.jobTemplate.spec.template.spec.containers[1].resources.limits.memory", value: "YOUR_VALUE" }]);
  });
  test("passes when every container sets it", () => {
    expect(run(control, [pod("p", { containers: [{ name: "a", resources: { limits: { memory: "100m" } } }] })]).passed.has("Pod/p")).toBe(true);
  });
});
