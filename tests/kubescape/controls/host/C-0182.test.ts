import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0182-ensure-that-the-rotate-certificates-argument-is.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config true", kubelet([], { rotateCertificates: true }), "passed"],
    ["unset", kubelet([], {}), "passed"],
    ["config false", kubelet([], { rotateCertificates: false }), "failed"],
    ["flag false", kubelet(["--rotate-certificates=false"]), "failed"],
];

describe("C-0182 Ensure that the --rotate-certificates argument is not set to false", () => {
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
