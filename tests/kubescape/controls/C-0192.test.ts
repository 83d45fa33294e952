import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0192-active-policy-control-mechanism.ts";
import { namespace, run } from "./upperRangeKit.ts";

const webhook = { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: { name: "kyverno" }, webhooks: [{ name: "x", rules: [{ scope: "Namespaced", operations: ["CREATE"] }] }] };
describe("C-0192 active policy control mechanism", () => {
  test("fails namespaces with no pod-security label when no webhook exists", () => {
    const out = run(control, [namespace("bare"), namespace("warned", { "pod-security.kubernetes.io/warn": "baseline" })]);
    expect([...out.failed.keys()]).toEqual(["Namespace/bare"]);
    expect(out.passed.has("Namespace/warned")).toBe(true);
  });
  test("a namespaced policy webhook counts as a mechanism", () => {
    const out = run(control, [namespace("bare"), webhook]);
    expect(out.failed.size).toBe(0);
  });
});
