import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0171-if-the-kubelet-config-yaml-configuration-file-is.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0171 If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.configFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
