import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0102-ensure-that-the-etcd-data-directory-permissions.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0102 Ensure that the etcd data directory permissions are set to 700 or more restrictive", () => {
  test("passes at 700 and stricter", () => {
    expect(statuses(control, [fileAt("etcdDataDir", hostFile("/var/lib/etcd", 0o700))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("etcdDataDir", hostFile("/var/lib/etcd", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 750, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("etcdDataDir", hostFile("/var/lib/etcd", 0o750))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.etcdDataDir.permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
