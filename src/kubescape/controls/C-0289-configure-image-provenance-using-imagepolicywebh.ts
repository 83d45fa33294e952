import { defineControl } from "./define.ts";

/** Configure Image Provenance using ImagePolicyWebhook admission controller: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0289",
  description: "Image provenance through the ImagePolicyWebhook admission controller is configured on the API server host; this needs a manual review.",
  remediation: "Configure an image provenance policy (ImagePolicyWebhook or an admission policy engine).",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
