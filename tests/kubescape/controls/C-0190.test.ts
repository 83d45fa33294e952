import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0190-sa-tokens-mounted-where-necessary.ts";
import { deployment, failedPaths, fixPaths, pod, run } from "./upperRangeKit.ts";

const saObj = (name: string, ns: string, automount?: boolean) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) });
describe("C-0190 service account tokens only where necessary", () => {
  test("fails ServiceAccounts that do not disable automount, and workloads using them", () => {
    const out = run(control, [saObj("default", "apps"), saObj("bot", "apps", true), deployment("web", { containers: [{ name: "c", image: "nginx" }] }), pod("p", { serviceAccountName: "bot", automountServiceAccountToken: true, containers: [] })]);
    expect(fixPaths(out.failed.get("ServiceAccount/default"))).toEqual([{ path: "automountServiceAccountToken", value: "false" }]);
    expect(failedPaths(out.failed.get("ServiceAccount/bot"))).toEqual(["automountServiceAccountToken"]);
    expect(fixPaths(out.failed.get("Deployment/web"))).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
    expect(failedPaths(out.failed.get("Pod/p"))).toEqual(["spec.automountServiceAccountToken"]);
  });
  test("passes when the account or the pod spec turns automount off", () => {
    const out = run(control, [saObj("default", "apps", false), deployment("web", { containers: [] }), pod("p", { automountServiceAccountToken: false, containers: [] })]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("Deployment/web")).toBe(true);
  });
});
