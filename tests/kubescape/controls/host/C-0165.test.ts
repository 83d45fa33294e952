import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0165-if-proxy-kubeconfig-file-exists-ensure-ownership.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0165 If proxy kubeconfig file exists ensure ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("proxyKubeconfig", hostFile("/var/lib/kube-proxy/kubeconfig.conf", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("proxyKubeconfig", hostFile("/var/lib/kube-proxy/kubeconfig.conf", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.kubeConfigFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeProxyInfo", { cmdLine: "kube-proxy" })])).toEqual([]);
  });
});
