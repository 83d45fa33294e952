import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0162-ensure-that-the-kubelet-service-file-permissions.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0162 Ensure that the kubelet service file permissions are set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("kubeletService", hostFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("kubeletService", hostFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletService", hostFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.serviceFiles[0].permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
