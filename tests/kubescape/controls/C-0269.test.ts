import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0269-ensure-memory-requests-set.ts";
import { cronJob, fixPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0269 resources.requests.memory", () => {
  test("fails each container without it", () => {
    const out = run(control, [cronJob("cj", { containers: [{ name: "a", resources: { requests: { memory: "1" } } }, { name: "b", resources: {} }] })]);
    expect(fixPaths(out.failed.get("CronJob/cj"))).toEqual([{ path: "spec.jobTemplate.spec.template.spec.containers[1].resources.requests.memory", value: "YOUR_VALUE" }]);
  });
  test("passes when every container sets it", () => {
    expect(run(control, [pod("p", { containers: [{ name: "a", resources: { requests: { memory: "100m" } } }] })]).passed.has("Pod/p")).toBe(true);
  });
});
