import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0176-ensure-that-the-streaming-connection-idle-timeou.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config 5m", kubelet([], { streamingConnectionIdleTimeout: "5m" }), "passed"],
    ["unset (default 4h)", kubelet([], {}), "passed"],
    ["config 0s", kubelet([], { streamingConnectionIdleTimeout: "0s" }), "failed"],
    ["flag 0", kubelet(["--streaming-connection-idle-timeout=0"]), "failed"],
];

describe("C-0176 Ensure that the --streaming-connection-idle-timeout argument is not set to 0", () => {
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
