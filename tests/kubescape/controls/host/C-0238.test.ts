import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0238-ensure-that-the-kubeconfig-file-permissions-are.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0238 Ensure that the kubeconfig file permissions are set to 644 or more restrictive", () => {
  test("passes at 644 and stricter", () => {
    expect(statuses(control, [fileAt("kubeletKubeconfig", hostFile("/etc/kubernetes/kubelet.conf", 0o644))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("kubeletKubeconfig", hostFile("/etc/kubernetes/kubelet.conf", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 664, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletKubeconfig", hostFile("/etc/kubernetes/kubelet.conf", 0o664))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.kubeConfigFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
