import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0184-ensure-that-the-kubelet-only-makes-use-of-strong.ts";
import { kubelet, statuses } from "./fixtures.ts";

describe("C-0184 strong ciphers only", () => {
  test("strong-only lists pass (flag or config)", () => {
    expect(statuses(control, [kubelet(["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"])])).toEqual(["passed"]);
    expect(statuses(control, [kubelet([], { tlsCipherSuites: ["TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305"] })])).toEqual(["passed"]);
  });
  test("a weak cipher in the list, or no list, fails", () => {
    expect(statuses(control, [kubelet([], { tlsCipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"] })])).toEqual(["failed"]);
    expect(statuses(control, [kubelet([], {})])).toEqual(["failed"]);
  });
});
