import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0009-resource-limits.ts";
import { c, deployment, failedPaths, run } from "./lib/objectFixtures.ts";

test("C-0009: no limits fails on resources, a missing memory limit on resources.limits, both set passes", () => {
  const r = run(control, [
    deployment("bad", { containers: [c("a"), c("b", { resources: { limits: { cpu: "1" } } })] }),
    deployment("good", { containers: [c("a", { resources: { limits: { cpu: "1", memory: "1Gi" } } })] }),
  ]);
  expect(failedPaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[0].resources", "spec.template.spec.containers[1].resources.limits"]);
  expect(r.get("Deployment/good")?.status).toBe("passed");
});
