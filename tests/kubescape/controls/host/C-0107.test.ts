import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0107-ensure-that-the-scheduler-conf-file-ownership-is.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0107 Ensure that the scheduler.conf file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("schedulerConfig", hostFile("/etc/kubernetes/scheduler.conf", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("schedulerConfig", hostFile("/etc/kubernetes/scheduler.conf", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.schedulerInfo.configFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
