import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0106-ensure-that-the-scheduler-conf-file-permissions.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0106 Ensure that the scheduler.conf file permissions are set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("schedulerConfig", hostFile("/etc/kubernetes/scheduler.conf", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("schedulerConfig", hostFile("/etc/kubernetes/scheduler.conf", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("schedulerConfig", hostFile("/etc/kubernetes/scheduler.conf", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.schedulerInfo.configFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
