import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0297-agent-sandbox-hardened-runtime-class.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const tpl = (name: string, podSpec: Record<string, unknown>) => ({ apiVersion: "extensions.agents.x-k8s.io/v1beta1", kind: "SandboxTemplate", metadata: { name, namespace: "agents" }, spec: { podTemplate: { spec: podSpec } } });
describe("C-0297 agent sandbox runtime class", () => {
  test("fails a missing or unapproved runtimeClassName", () => {
    const out = run(control, [tpl("a", {}), tpl("b", { runtimeClassName: "runc" })]);
    expect(failedPaths(out.failed.get("SandboxTemplate/a"))).toEqual(["spec.podTemplate.spec.runtimeClassName"]);
    expect(out.failed.has("SandboxTemplate/b")).toBe(true);
  });
  test("passes gvisor", () => {
    expect(run(control, [tpl("a", { runtimeClassName: "gvisor" })]).passed.has("SandboxTemplate/a")).toBe(true);
  });
});
