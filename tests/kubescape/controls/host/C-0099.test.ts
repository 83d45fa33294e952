import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0099-ensure-that-the-etcd-pod-specification-file-owne.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0099 Ensure that the etcd pod specification file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("etcdSpecs", hostFile("/etc/kubernetes/manifests/etcd.yaml", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("etcdSpecs", hostFile("/etc/kubernetes/manifests/etcd.yaml", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.etcdConfigFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
