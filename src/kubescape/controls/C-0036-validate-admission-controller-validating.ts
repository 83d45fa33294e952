import { defineControl } from "./define.ts";

/** Every validating admission webhook is listed for review. */
export const control = defineControl({
  id: "C-0036",
  description: "Lists every ValidatingWebhookConfiguration: a malicious webhook sees (and can block) every matching API request.",
  remediation: "Review each validating webhook and remove the ones that are not expected.",
  evaluate: (index) => ({ results: index.byKind("ValidatingWebhookConfiguration").map((object) => ({ object, status: "failed" as const, paths: [] })) }),
});
