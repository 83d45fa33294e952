import { expect, test } from "bun:test";
import { control as validating } from "../../../src/kubescape/controls/C-0036-validate-admission-controller-validating.ts";
import { obj, run } from "./lib/objectFixtures.ts";

test("C-0036: validating webhooks are listed; mutating ones are not this control's", () => {
  const r = run(validating, [
    obj("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "policy", undefined, { webhooks: [] }),
    obj("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "inject", undefined, { webhooks: [] }),
  ]);
  expect(r.get("ValidatingWebhookConfiguration/policy")?.status).toBe("failed");
  expect(r.has("MutatingWebhookConfiguration/inject")).toBe(false);
  expect(run(validating, []).size).toBe(0);
});
