import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0307-non-existent-service-account.ts";
import { deployment, failedPaths, pod, run } from "./upperRangeKit.ts";

describe("C-0307 non-existent service account", () => {
  test("fails a missing account", () => {
    expect(failedPaths(run(control, [deployment("d", { serviceAccountName: "ghost", containers: [] })]).failed.get("Deployment/d"))).toEqual(["spec.template.spec.serviceAccountName"]);
  });
  test("passes default, unset and existing accounts", () => {
    const sa = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bot", namespace: "apps" } };
    const out = run(control, [sa, pod("a", { containers: [] }), pod("b", { serviceAccountName: "default", containers: [] }), pod("c", { serviceAccountName: "bot", containers: [] })]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.size).toBe(3);
  });
});
