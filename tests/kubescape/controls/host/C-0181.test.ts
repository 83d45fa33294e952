import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0181-ensure-that-the-tls-cert-file-and-tls-private-ke.ts";
import { kubelet, statuses } from "./fixtures.ts";

describe("C-0181 --tls-cert-file and --tls-private-key-file", () => {
  test("both flags, or both config keys, pass", () => {
    expect(statuses(control, [kubelet(["--tls-cert-file=/pki/kubelet.crt", "--tls-private-key-file=/pki/kubelet.key"])])).toEqual(["passed"]);
    expect(statuses(control, [kubelet([], { tlsCertFile: "/pki/kubelet.crt", tlsPrivateKeyFile: "/pki/kubelet.key" })])).toEqual(["passed"]);
  });
  test("only one of them, or neither, fails", () => {
    expect(statuses(control, [kubelet(["--tls-cert-file=/pki/kubelet.crt"])])).toEqual(["failed"]);
    expect(statuses(control, [kubelet([], { tlsCertFile: "/pki/kubelet.crt" })])).toEqual(["failed"]);
    expect(statuses(control, [kubelet([], {})])).toEqual(["failed"]);
  });
});
