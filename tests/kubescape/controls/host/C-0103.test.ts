import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0103-ensure-that-the-etcd-data-directory-ownership-is.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0103 Ensure that the etcd data directory ownership is set to etcd:etcd", () => {
  test("passes when owned by etcd:etcd", () => {
    expect(statuses(control, [fileAt("etcdDataDir", hostFile("/var/lib/etcd", 0o700, 1001, 1001, "etcd", "etcd"))])).toEqual(["passed"]);
  });

  test("fails when owned by root:root, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("etcdDataDir", hostFile("/var/lib/etcd", 0o700, 0, 0))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.etcdDataDir.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
