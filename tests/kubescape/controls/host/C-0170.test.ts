import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0170-if-the-kubelet-config-yaml-configuration-file-is.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0170 If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.configFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
