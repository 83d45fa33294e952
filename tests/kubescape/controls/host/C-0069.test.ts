import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0069-disable-anonymous-access-to-kubelet-service.ts";
import { envelope, evaluate, kubelet, statuses } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const cases: Array<[string, K8sObject, "passed" | "failed"]> = [
    ["config anonymous.enabled false", kubelet([], { authentication: { anonymous: { enabled: false } } }), "passed"],
    ["flag --anonymous-auth=false", kubelet(["--anonymous-auth=false"]), "passed"],
    ["config anonymous.enabled true", kubelet([], { authentication: { anonymous: { enabled: true } } }), "failed"],
    ["flag true overrides a safe config", kubelet(["--anonymous-auth=true"], { authentication: { anonymous: { enabled: false } } }), "failed"],
    ["set nowhere (defaults to allowed)", kubelet([]), "failed"],
];

describe("C-0069 Disable anonymous access to Kubelet service", () => {
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
