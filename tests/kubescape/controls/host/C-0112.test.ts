import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0112-ensure-that-the-kubernetes-pki-key-file-permissi.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0112 Ensure that the Kubernetes PKI key file permissions are set to 600", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("pkiKeys", hostFile("/etc/kubernetes/pki/apiserver.key", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("pkiKeys", hostFile("/etc/kubernetes/pki/apiserver.key", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("pkiKeys", hostFile("/etc/kubernetes/pki/apiserver.key", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.PKIFiles[0].permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});
