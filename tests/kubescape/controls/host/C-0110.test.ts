import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0110-ensure-that-the-kubernetes-pki-directory-and-fil.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0110 Ensure that the Kubernetes PKI directory and file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("pkiDirAndFiles", hostFile("/etc/kubernetes/pki/ca.crt", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("pkiDirAndFiles", hostFile("/etc/kubernetes/pki/ca.crt", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.PKIFiles[0].ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});

test("C-0110 also fails when the pki directory itself is not root-owned", () => {
  const obj = envelope("ControlPlaneInfo", { PKIDir: hostFile("/etc/kubernetes/pki", 0o755, 1000, 1000), PKIFiles: [hostFile("/etc/kubernetes/pki/ca.crt", 0o600)] });
  expect(evaluate(control, [obj])[0]?.paths.map((p) => p.failedPath)).toEqual(["data.PKIDir.ownership"]);
});
