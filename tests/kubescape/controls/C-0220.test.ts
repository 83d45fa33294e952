import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0220-psp-required-drop-capabilities.ts";
import { fixPaths, run } from "./upperRangeKit.ts";

const psp = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name }, spec });
describe("C-0220 PSP requiredDropCapabilities", () => {
  test("fails when no PSP requires dropping", () => {
    expect(fixPaths(run(control, [psp("a", {})]).failed.get("PodSecurityPolicy/a"))).toEqual([{ path: "spec.requiredDropCapabilities[0]", value: "ALL" }]);
  });
  test("passes when one PSP drops ALL", () => {
    expect(run(control, [psp("a", {}), psp("b", { requiredDropCapabilities: ["ALL"] })]).failed.size).toBe(0);
  });
});
