import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0261-serviceaccount-token-mounted.ts";
import { deployment, fixPaths, roleBinding, run, sa } from "./upperRangeKit.ts";

const account = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bot", namespace: "apps" } };
describe("C-0261 service account token mounted", () => {
  test("fails a workload mounting the token of a bound account", () => {
    const out = run(control, [account, roleBinding("rb", "apps", "Role", "r", [sa("bot", "apps")]), deployment("d", { serviceAccountName: "bot", containers: [] })]);
    expect(fixPaths(out.failed.get("Deployment/d"))).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
  });
  test("passes when automount is off or the account has no bindings", () => {
    expect(run(control, [account, roleBinding("rb", "apps", "Role", "r", [sa("bot", "apps")]), deployment("d", { serviceAccountName: "bot", automountServiceAccountToken: false, containers: [] })]).passed.has("Deployment/d")).toBe(true);
    expect(run(control, [account, deployment("d", { serviceAccountName: "bot", containers: [] })]).passed.has("Deployment/d")).toBe(true);
  });
});
