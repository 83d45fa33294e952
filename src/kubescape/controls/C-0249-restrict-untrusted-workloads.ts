import { defineControl } from "./define.ts";

/** Restrict untrusted workloads: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0249",
  description: "Untrusted workloads should run in sandboxes (e.g. gVisor node pools); this needs a manual review.",
  remediation: "Schedule untrusted workloads on sandboxed node pools.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
