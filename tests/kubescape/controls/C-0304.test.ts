import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0304-agent-sandbox-image-provenance.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const tpl = (images: string[]) => ({ apiVersion: "extensions.agents.x-k8s.io/v1beta1", kind: "SandboxTemplate", metadata: { name: "t", namespace: "agents" }, spec: { podTemplate: { spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } } } });
describe("C-0304 agent sandbox image provenance", () => {
  test("fails untagged, latest and configured floating tags", () => {
    const out = run(control, [tpl(["python", "python:latest", "registry:5000/agent:stable", "python:3.12"])], { ...DEFAULT_CONTROL_INPUTS, floatingImageTags: ["stable"] });
    expect(failedPaths(out.failed.get("SandboxTemplate/t"))).toEqual(["spec.podTemplate.spec.containers[0].image", "spec.podTemplate.spec.containers[1].image", "spec.podTemplate.spec.containers[2].image"]);
  });
  test("passes explicit tags and digests", () => {
    expect(run(control, [tpl(["python:3.12", "registry:5000/agent@sha256:abc"])]).passed.has("SandboxTemplate/t")).toBe(true);
  });
});
