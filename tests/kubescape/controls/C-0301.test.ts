import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0301-agent-sandbox-egress-policy.ts";
import { failedPaths, run } from "./upperRangeKit.ts";

const tpl = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "extensions.agents.x-k8s.io/v1beta1", kind: "SandboxTemplate", metadata: { name, namespace: "agents" }, spec });
describe("C-0301 agent sandbox egress", () => {
  test("fails unmanaged, missing and open egress policies", () => {
    const out = run(control, [
      tpl("unmanaged", { networkPolicyManagement: "Unmanaged" }),
      tpl("none", {}),
      tpl("open", { networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] } }),
    ]);
    expect(failedPaths(out.failed.get("SandboxTemplate/unmanaged"))).toEqual(["spec.networkPolicyManagement"]);
    expect(failedPaths(out.failed.get("SandboxTemplate/none"))).toEqual(["spec.networkPolicy"]);
    expect(failedPaths(out.failed.get("SandboxTemplate/open"))).toEqual(["spec.networkPolicy.egress"]);
  });
  test("passes scoped egress", () => {
    expect(run(control, [tpl("ok", { networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }, { namespaceSelector: { matchLabels: { name: "llm" } } }] }] } })]).passed.has("SandboxTemplate/ok")).toBe(true);
  });
});
