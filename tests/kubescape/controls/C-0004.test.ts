import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0004-resources-memory-limit-and-request.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, failedPaths, fixPaths, pod, run } from "./lib/objectFixtures.ts";

test("C-0004: missing memory request/limit get fixes; set values pass; bounds fail", () => {
  const objs = [
    pod("none", { containers: [c("a", { resources: { limits: { cpu: "1" } } })] }),
    pod("set", { containers: [c("a", { resources: { requests: { memory: "64Mi" }, limits: { memory: "1Gi" } } })] }),
  ];
  const r = run(control, objs);
  expect(fixPaths(r.get("Pod/none"))).toEqual([
    { path: "spec.containers[0].resources.limits.memory", value: "YOUR_VALUE" },
    { path: "spec.containers[0].resources.requests.memory", value: "YOUR_VALUE" },
  ]);
  expect(r.get("Pod/set")?.status).toBe("passed");
  const bounded = run(control, objs, { ...DEFAULT_CONTROL_INPUTS, memory_limit_max: ["512Mi"], memory_request_min: ["128M"] });
  expect(failedPaths(bounded.get("Pod/set"))).toEqual(["spec.containers[0].resources.requests.memory", "spec.containers[0].resources.limits.memory"]);
});
