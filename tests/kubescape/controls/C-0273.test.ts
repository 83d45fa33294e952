import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0273-outdated-kubernetes-version.ts";
import { run } from "./upperRangeKit.ts";

const node = (name: string, v: string) => ({ apiVersion: "v1", kind: "Node", metadata: { name }, status: { nodeInfo: { kubeletVersion: v } } });
describe("C-0273 outdated Kubernetes version", () => {
  test("fails unsupported kubelets with a review path", () => {
    const out = run(control, [node("old", "v1.28.5"), node("new", "v1.35.0")]);
    expect(out.failed.get("Node/old")).toEqual([{ reviewPath: "status.nodeInfo.kubeletVersion" }]);
    expect(out.passed.has("Node/new")).toBe(true);
  });
  test("v1.3 is not mistaken for v1.33+; v1.32 is out of support", () => {
    expect(run(control, [node("ancient", "v1.3.0")]).failed.has("Node/ancient")).toBe(true);
    expect(run(control, [node("old", "v1.32.9")]).failed.has("Node/old")).toBe(true);
    expect(run(control, [node("eks", "v1.33.4-eks-1234")]).passed.has("Node/eks")).toBe(true);
  });
});
