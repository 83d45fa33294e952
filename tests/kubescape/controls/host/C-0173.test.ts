import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0173-ensure-that-the-authorization-mode-argument-is-n.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config mode Webhook", kubelet([], { authorization: { mode: "Webhook" } }), "passed"],
    ["config without mode (config default Webhook)", kubelet([], { readOnlyPort: 0 }), "passed"],
    ["config mode AlwaysAllow", kubelet([], { authorization: { mode: "AlwaysAllow" } }), "failed"],
    ["flag AlwaysAllow", kubelet(["--authorization-mode=AlwaysAllow"]), "failed"],
    ["no flag and no config (flag default AlwaysAllow)", kubelet([]), "failed"],
];

describe("C-0173 Ensure that the --authorization-mode argument is not set to AlwaysAllow", () => {
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
