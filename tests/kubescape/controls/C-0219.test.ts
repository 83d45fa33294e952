import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0219-psp-deny-added-capabilities.ts";
import { deletePaths, failedPaths, run } from "./upperRangeKit.ts";

const psp = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name }, spec });
describe("C-0219 PodSecurityPolicy", () => {
  test("fails every PSP when all of them allow it", () => {
    const out = run(control, [psp("a", { allowedCapabilities: ["NET_ADMIN"] }), psp("b", { allowedCapabilities: ["NET_ADMIN"] })]);
    expect(failedPaths(out.failed.get("PodSecurityPolicy/a"))).toEqual(["spec.allowedCapabilities"]);
    expect(deletePaths(out.failed.get("PodSecurityPolicy/b"))).toEqual(["spec.allowedCapabilities"]);
  });
  test("one restrictive PSP makes all pass", () => {
    const out = run(control, [psp("a", { allowedCapabilities: ["NET_ADMIN"] }), psp("b", { allowedCapabilities: [] })]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["PodSecurityPolicy/a", "PodSecurityPolicy/b"]);
  });
});
