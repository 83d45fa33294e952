import { defineControl } from "./define.ts";

/** Every mutating admission webhook is listed for review. */
export const control = defineControl({
  id: "C-0039",
  description: "Lists every MutatingWebhookConfiguration: a malicious webhook can rewrite every matching object, e.g. inject containers.",
  remediation: "Review each mutating webhook and remove the ones that are not expected.",
  evaluate: (index) => ({ results: index.byKind("MutatingWebhookConfiguration").map((object) => ({ object, status: "failed" as const, paths: [] })) }),
});
