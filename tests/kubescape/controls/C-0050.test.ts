import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0050-resources-cpu-limit-and-request.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, failedPaths, fixPaths, run, workload } from "./lib/objectFixtures.ts";

test("C-0050: missing CPU limit gets a fix; millicores compare against bounds", () => {
  const objs = [
    workload("Job", "nolimit", { containers: [c("a", { resources: { requests: { cpu: "100m" } } })] }),
    workload("Job", "set", { containers: [c("a", { resources: { requests: { cpu: "250m" }, limits: { cpu: "2" } } })] }),
  ];
  const r = run(control, objs);
  expect(fixPaths(r.get("Job/nolimit"))).toEqual([{ path: "spec.template.spec.containers[0].resources.limits.cpu", value: "YOUR_VALUE" }]);
  expect(r.get("Job/set")?.status).toBe("passed");
  const bounded = run(control, objs, { ...DEFAULT_CONTROL_INPUTS, cpu_limit_max: ["1500m"] });
  expect(failedPaths(bounded.get("Job/set"))).toEqual(["spec.template.spec.containers[0].resources.limits.cpu"]);
});

test("C-0050: no CPU settings at all: request fix first, then limit (kubescape's order)", () => {
  const r = run(control, [workload("Job", "bare", { containers: [c("a")] })]);
  expect(fixPaths(r.get("Job/bare"))).toEqual([
    { path: "spec.template.spec.containers[0].resources.requests.cpu", value: "YOUR_VALUE" },
    { path: "spec.template.spec.containers[0].resources.limits.cpu", value: "YOUR_VALUE" },
  ]);
});
