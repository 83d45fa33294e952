import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0284-ensure-that-the-kubelet-is-configured-to-limit-p.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config podPidsLimit 4096", kubelet([], { podPidsLimit: 4096 }), "passed"],
    ["flag --pod-max-pids=1024", kubelet(["--pod-max-pids=1024"]), "passed"],
    ["config podPidsLimit -1 (unlimited)", kubelet([], { podPidsLimit: -1 }), "failed"],
    ["unset", kubelet([], {}), "failed"],
];

describe("C-0284 Ensure that the Kubelet is configured to limit pod PIDS", () => {
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
