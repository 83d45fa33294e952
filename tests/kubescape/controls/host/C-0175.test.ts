import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0175-verify-that-the-read-only-port-argument-is-set-t.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config readOnlyPort 0", kubelet([], { readOnlyPort: 0 }), "passed"],
    ["config without readOnlyPort (config default 0)", kubelet([], { rotateCertificates: true }), "passed"],
    ["config readOnlyPort 10255", kubelet([], { readOnlyPort: 10255 }), "failed"],
    ["flag 10255 overrides config 0", kubelet(["--read-only-port=10255"], { readOnlyPort: 0 }), "failed"],
    ["no flag and no config (flag default 10255)", kubelet([]), "failed"],
];

describe("C-0175 Verify that the --read-only-port argument is set to 0", () => {
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
