import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0096-ensure-that-the-scheduler-pod-specification-file.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0096 Ensure that the scheduler pod specification file permissions are set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("schedulerSpecs", hostFile("/etc/kubernetes/manifests/kube-scheduler.yaml", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("schedulerSpecs", hostFile("/etc/kubernetes/manifests/kube-scheduler.yaml", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("schedulerSpecs", hostFile("/etc/kubernetes/manifests/kube-scheduler.yaml", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.schedulerInfo.specsFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
