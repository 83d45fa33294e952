import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0190-sa-tokens-mounted-where-necessary.ts";
import { deletePaths, deployment, failedPaths, fixPaths, pod, run } from "./upperRangeKit.ts";

const saObj = (name: string, ns: string, automount?: boolean) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) });
describe("C-0190 service account tokens only where necessary", () => {
  test("fails an explicit true (even if the account opts out) and an unset spec whose account mounts", () => {
    const out = run(control, [saObj("default", "apps"), saObj("bot", "apps", false), deployment("web", { containers: [] }), pod("p", { serviceAccountName: "bot", automountServiceAccountToken: true, containers: [] })]);
    expect(fixPaths(out.failed.get("Deployment/web"))).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.automountServiceAccountToken"]);
    expect(deletePaths(out.failed.get("Pod/p"))).toEqual(["spec.automountServiceAccountToken"]);
  });
  test("passes when the account or the pod spec turns automount off, or the account is not in the scan", () => {
    const out = run(control, [saObj("default", "apps", false), deployment("web", { containers: [] }), pod("p", { automountServiceAccountToken: false, containers: [] }), pod("q", { serviceAccountName: "elsewhere", containers: [] })]);
    expect(out.failed.size).toBe(0);
    expect([...out.passed].sort()).toEqual(["Deployment/web", "Pod/p", "Pod/q"]);
  });
});
