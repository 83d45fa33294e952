import { expect, test } from "bun:test";
import { control as mutating } from "../../../src/kubescape/controls/C-0039-validate-admission-controller-mutating.ts";
import { obj, run } from "./lib/objectFixtures.ts";

test("C-0039: mutating webhooks are listed; validating ones are not this control's", () => {
  const r = run(mutating, [
    obj("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "policy", undefined, { webhooks: [] }),
    obj("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "inject", undefined, { webhooks: [] }),
  ]);
  expect(r.get("MutatingWebhookConfiguration/inject")?.status).toBe("failed");
  expect(r.has("ValidatingWebhookConfiguration/policy")).toBe(false);
});
