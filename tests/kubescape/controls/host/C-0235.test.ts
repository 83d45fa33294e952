import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0235-ensure-that-the-kubelet-configuration-file-has-p.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0235 Ensure that the kubelet configuration file has permissions set to 644 or more restrictive", () => {
  test("passes at 644 and stricter", () => {
    expect(statuses(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o644))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 664, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletConfig", hostFile("/var/lib/kubelet/config.yaml", 0o664))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.configFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
