import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0095-ensure-that-the-controller-manager-pod-specifica.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0095 Ensure that the controller manager pod specification file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("controllerManagerSpecs", hostFile("/etc/kubernetes/manifests/kube-controller-manager.yaml", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("controllerManagerSpecs", hostFile("/etc/kubernetes/manifests/kube-controller-manager.yaml", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.controllerManagerInfo.specsFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
