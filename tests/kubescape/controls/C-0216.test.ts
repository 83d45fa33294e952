import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0216-psp-deny-host-network.ts";
import { deletePaths, failedPaths, run } from "./upperRangeKit.ts";

const psp = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name }, spec });
describe("C-0216 PodSecurityPolicy", () => {
  test("fails every PSP when all of them allow it", () => {
    const out = run(control, [psp("a", { hostNetwork: true }), psp("b", { hostNetwork: true })]);
    expect(failedPaths(out.failed.get("PodSecurityPolicy/a"))).toEqual(["spec.hostNetwork"]);
    expect(deletePaths(out.failed.get("PodSecurityPolicy/b"))).toEqual(["spec.hostNetwork"]);
  });
  test("one restrictive PSP makes all pass", () => {
    const out = run(control, [psp("a", { hostNetwork: true }), psp("b", {})]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["PodSecurityPolicy/a", "PodSecurityPolicy/b"]);
  });
});
