import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0303-agent-sandbox-resource-ceilings.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const tpl = (podSpec: Record<string, unknown>) => ({ apiVersion: "extensions.agents.x-k8s.io/v1beta1", kind: "SandboxTemplate", metadata: { name: "t", namespace: "agents" }, spec: { podTemplate: { spec: podSpec } } });
describe("C-0303 agent sandbox resource ceilings", () => {
  test("fails containers missing cpu or memory limits", () => {
    const out = run(control, [tpl({ initContainers: [{ name: "i" }], containers: [{ name: "a", resources: { limits: { cpu: "1" } } }] })]);
    expect(failedPaths(out.failed.get("SandboxTemplate/t"))).toEqual(["spec.podTemplate.spec.containers[0].resources.limits", "spec.podTemplate.spec.initContainers[0].resources.limits"]);
  });
  test("passes with both limits", () => {
    expect(run(control, [tpl({ containers: [{ name: "a", resources: { limits: { cpu: "1", memory: "1Gi" } } }] })]).passed.has("SandboxTemplate/t")).toBe(true);
  });
});
