import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0105-ensure-that-the-admin-conf-file-ownership-is-set.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0105 Ensure that the admin.conf file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("adminConfig", hostFile("/etc/kubernetes/admin.conf", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("adminConfig", hostFile("/etc/kubernetes/admin.conf", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.adminConfigFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
