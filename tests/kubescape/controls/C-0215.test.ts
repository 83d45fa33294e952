import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0215-psp-deny-host-ipc.ts";
import { deletePaths, failedPaths, run } from "./upperRangeKit.ts";

const psp = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name }, spec });
describe("C-0215 PodSecurityPolicy", () => {
  test("fails every PSP when all of them allow it", () => {
    const out = run(control, [psp("a", { hostIPC: true }), psp("b", { hostIPC: true })]);
    expect(failedPaths(out.failed.get("PodSecurityPolicy/a"))).toEqual(["spec.hostIPC"]);
    expect(deletePaths(out.failed.get("PodSecurityPolicy/b"))).toEqual(["spec.hostIPC"]);
  });
  test("one restrictive PSP makes all pass", () => {
    const out = run(control, [psp("a", { hostIPC: true }), psp("b", { hostIPC: false })]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["PodSecurityPolicy/a", "PodSecurityPolicy/b"]);
  });
});
