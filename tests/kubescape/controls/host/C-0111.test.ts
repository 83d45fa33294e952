import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0111-ensure-that-the-kubernetes-pki-certificate-file.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0111 Ensure that the Kubernetes PKI certificate file permissions are set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("pkiCertificates", hostFile("/etc/kubernetes/pki/apiserver.crt", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("pkiCertificates", hostFile("/etc/kubernetes/pki/apiserver.crt", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("pkiCertificates", hostFile("/etc/kubernetes/pki/apiserver.crt", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.PKIFiles[0].permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver" } })])).toEqual([]);
  });
});

test("C-0111 looks only at certificates: a loose key file is left to C-0112", () => {
  const obj = envelope("ControlPlaneInfo", { PKIFiles: [hostFile("/etc/kubernetes/pki/ca.crt", 0o600), hostFile("/etc/kubernetes/pki/ca.key", 0o644)] });
  expect(statuses(control, [obj])).toEqual(["passed"]);
});
