import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0226-container-optimized-os.ts";
import { run } from "./upperRangeKit.ts";

const node = (name: string, osImage: string) => ({ apiVersion: "v1", kind: "Node", metadata: { name }, status: { nodeInfo: { osImage } } });
describe("C-0226 container-optimized OS", () => {
  test("fails general-purpose OS nodes and passes Bottlerocket", () => {
    const out = run(control, [node("a", "Ubuntu 22.04.4 LTS"), node("b", "Bottlerocket OS 1.19.2 (aws-k8s-1.29)")]);
    expect([...out.failed.keys()]).toEqual(["Node/a"]);
    expect(out.passed.has("Node/b")).toBe(true);
  });
});
