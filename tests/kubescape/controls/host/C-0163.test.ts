import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0163-ensure-that-the-kubelet-service-file-ownership-i.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0163 Ensure that the kubelet service file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("kubeletService", hostFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletService", hostFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.serviceFiles[0].ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
