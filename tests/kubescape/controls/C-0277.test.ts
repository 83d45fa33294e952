import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0277-apiserver-strong-ciphers.ts";
import { cpPod, failedPaths, fixPaths, run } from "./upperRangeKit.ts";

describe("C-0277 API server strong ciphers", () => {
  test("fails on a partial list (fix appends the missing suites) and when absent", () => {
    const out = run(control, [cpPod("a1", "kube-apiserver", ["--tls-cipher-suites=TLS_AES_128_GCM_SHA256"]), cpPod("a2", "kube-apiserver", [])]);
    expect(failedPaths(out.failed.get("Pod/a1"))).toEqual(["spec.containers[0].command[1]"]);
    expect(fixPaths(out.failed.get("Pod/a1"))[0]!.value.startsWith("--tls-cipher-suites=TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384")).toBe(true);
    expect(fixPaths(out.failed.get("Pod/a2"))[0]!.path).toBe("spec.containers[0].command[1]");
  });
  test("passes with the full list", () => {
    const all = [
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_256_GCM_SHA384",
    ];
    expect(run(control, [cpPod("a", "kube-apiserver", [`--tls-cipher-suites=${all.join(",")}`])]).passed.has("Pod/a")).toBe(true);
  });
});
