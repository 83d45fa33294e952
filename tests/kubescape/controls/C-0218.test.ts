import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0218-psp-deny-root-containers.ts";
import { deletePaths, failedPaths, run } from "./upperRangeKit.ts";

const psp = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name }, spec });
describe("C-0218 PodSecurityPolicy", () => {
  test("fails every PSP when all of them allow it", () => {
    const out = run(control, [psp("a", { runAsUser: { rule: "RunAsAny" } }), psp("b", { runAsUser: { rule: "RunAsAny" } })]);
    expect(failedPaths(out.failed.get("PodSecurityPolicy/a"))).toEqual(["spec.runAsUser.rule"]);
    expect(deletePaths(out.failed.get("PodSecurityPolicy/b"))).toEqual(["spec.runAsUser.rule"]);
  });
  test("one restrictive PSP makes all pass", () => {
    const out = run(control, [psp("a", { runAsUser: { rule: "RunAsAny" } }), psp("b", { runAsUser: { rule: "MustRunAs", ranges: [{ min: 1000, max: 2000 }] } })]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["PodSecurityPolicy/a", "PodSecurityPolicy/b"]);
  });
});
