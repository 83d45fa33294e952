import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0300-dangling-hpa-target.ts";
import { deployment, failedPaths, run } from "./upperRangeKit.ts";

const hpa = (name: string, kind = "Deployment") => ({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h", namespace: "apps" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind, name }, minReplicas: 1, maxReplicas: 3 } });
describe("C-0300 dangling HPA target", () => {
  test("fails a missing target", () => {
    expect(failedPaths(run(control, [hpa("ghost")]).failed.get("HorizontalPodAutoscaler/h"))).toEqual(["spec.scaleTargetRef.name"]);
  });
  test("passes an existing target and skips custom scalable kinds", () => {
    expect(run(control, [hpa("web"), deployment("web", { containers: [] })]).passed.has("HorizontalPodAutoscaler/h")).toBe(true);
    const custom = run(control, [hpa("x", "Rollout")]);
    expect(custom.failed.size + custom.passed.size).toBe(0);
  });
});
