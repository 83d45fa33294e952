import { defineControl } from "./define.ts";

/** Minimize user access to GCP Artifact Registry: skipped (cloud); needs the cloud provider's API (GKE), which this scanner does not call. */
export const control = defineControl({
  id: "C-0308",
  description: "Checks that user access to GCP Artifact Registry is limited.",
  remediation: "Restrict IAM bindings on the Artifact Registry repositories.",
  implementation: "cloud",
  skipReason: "needs the cloud provider's API (GKE), which this scanner does not call",
});
