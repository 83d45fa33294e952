import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0183-verify-that-the-rotatekubeletservercertificate-a.ts";
import { kubelet, statuses } from "./fixtures.ts";

describe("C-0183 RotateKubeletServerCertificate", () => {
  test("default, or explicitly true, passes", () => {
    expect(statuses(control, [kubelet([], {})])).toEqual(["passed"]);
    expect(statuses(control, [kubelet(["--feature-gates=Foo=true,RotateKubeletServerCertificate=true"])])).toEqual(["passed"]);
  });
  test("turned off by flag or config fails", () => {
    expect(statuses(control, [kubelet(["--feature-gates=RotateKubeletServerCertificate=false"])])).toEqual(["failed"]);
    expect(statuses(control, [kubelet([], { featureGates: { RotateKubeletServerCertificate: false } })])).toEqual(["failed"]);
  });
});
