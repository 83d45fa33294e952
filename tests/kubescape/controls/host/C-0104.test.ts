import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0104-ensure-that-the-admin-conf-file-permissions-are.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0104 Ensure that the admin.conf file permissions are set to 600", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("adminConfig", hostFile("/etc/kubernetes/admin.conf", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("adminConfig", hostFile("/etc/kubernetes/admin.conf", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("adminConfig", hostFile("/etc/kubernetes/admin.conf", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.adminConfigFile.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
