import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0169-ensure-that-the-client-certificate-authorities-f.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0169 Ensure that the client certificate authorities file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("kubeletClientCa", hostFile("/etc/kubernetes/pki/ca.crt", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("kubeletClientCa", hostFile("/etc/kubernetes/pki/ca.crt", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.clientCAFile.ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet" })])).toEqual([]);
  });
});
