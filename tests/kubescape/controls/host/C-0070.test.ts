import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0070-enforce-kubelet-client-tls-authentication.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config x509.clientCAFile", kubelet([], { authentication: { x509: { clientCAFile: "/etc/kubernetes/pki/ca.crt" } } }), "passed"],
    ["flag --client-ca-file", kubelet(["--client-ca-file=/etc/kubernetes/pki/ca.crt"]), "passed"],
    ["config without a client CA", kubelet([], { authentication: { webhook: { enabled: true } } }), "failed"],
    ["set nowhere", kubelet([]), "failed"],
];

describe("C-0070 Enforce Kubelet client TLS authentication", () => {
  for (const [what, obj, expected] of cases) {
    test(`${what} → ${expected}`, () => {
      expect(statuses(control, [obj])).toEqual([expected]);
    });
  }

  test("--config whose content host-scanner could not read → failed for review", () => {
    const obj = envelope("KubeletInfo", { cmdLine: "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml" });
    const [outcome] = evaluate(control, [obj]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.reviewPath).toBe("data.configFile");
  });

  test("one result per node", () => {
    expect(evaluate(control, [kubelet([], {}, "a"), kubelet([], {}, "b")]).map((o) => o.name)).toEqual(["a", "b"]);
  });
});
