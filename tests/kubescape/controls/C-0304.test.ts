import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0304-agent-sandbox-image-provenance.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const tpl = (images: string[]) => ({ apiVersion: "extensions.agents.x-k8s.io/v1beta1", kind: "SandboxTemplate", metadata: { name: "t", namespace: "agents" }, spec: { podTemplate: { spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } } } });
const allow = { ...DEFAULT_CONTROL_INPUTS, imageRepositoryAllowList: ["docker.io", "registry:5000/"], floatingImageTags: ["stable"] };
describe("C-0304 agent sandbox image provenance", () => {
  test("fails untagged, latest, floating tags and unapproved registries", () => {
    const out = run(control, [tpl(["python", "python:latest", "registry:5000/agent:stable", "python:3.12", "ghcr.io/x/agent:1.0"])], allow);
    expect(failedPaths(out.failed.get("SandboxTemplate/t"))).toEqual([
      "spec.podTemplate.spec.containers[0].image",
      "spec.podTemplate.spec.containers[1].image",
      "spec.podTemplate.spec.containers[2].image",
      "spec.podTemplate.spec.containers[4].image",
    ]);
  });
  test("passes pinned images from approved registries; an empty allow list approves none", () => {
    expect(run(control, [tpl(["python:3.12", "registry:5000/agent@sha256:abc"])], allow).passed.has("SandboxTemplate/t")).toBe(true);
    expect(run(control, [tpl(["python:3.12"])]).failed.has("SandboxTemplate/t")).toBe(true);
  });
});
