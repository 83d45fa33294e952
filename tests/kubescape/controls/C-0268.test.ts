import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0268-ensure-cpu-requests-set.ts";
import { cronJob, fixPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0268 resources.requests.cpu", () => {
  test("fails each container without it", () => {
    const out = run(control, [cronJob("cj", { containers: [{ name: "a", resources: { requests: { cpu: "1" } } }, { name: "b", resources: {} }] })]);
    expect(fixPaths(out.failed.get("CronJob/cj"))).toEqual([{ path: "spec.jobTemplate.spec.template.spec.containers[1].resources.requests.cpu", value: "YOUR_VALUE" }]);
  });
  test("passes when every container sets it", () => {
    expect(run(control, [pod("p", { containers: [{ name: "a", resources: { requests: { cpu: "100m" } } }] })]).passed.has("Pod/p")).toBe(true);
  });
});
