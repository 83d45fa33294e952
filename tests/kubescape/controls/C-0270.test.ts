import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0270-ensure-cpu-limits-set.ts";
import { cronJob, fixPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0270 resources.limits.cpu", () => {
  test("fails each container without it", () => {
    const out = run(control, [cronJob("cj", { containers: [{ name: "a", resources: { limits: { cpu: "1" } } }, { name: "b", resources: {} }] })]);
    expect(fixPaths(out.failed.get("CronJob/cj"))).toEqual([{ path: "spec.jobTemplate.spec.template.spec.containers[1].resources.limits.cpu", value: "YOUR_VALUE" }]);
  });
  test("passes when every container sets it", () => {
    expect(run(control, [pod("p", { containers: [{ name: "a", resources: { limits: { cpu: "100m" } } }] })]).passed.has("Pod/p")).toBe(true);
  });
});
