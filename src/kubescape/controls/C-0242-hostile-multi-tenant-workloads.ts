import { defineControl } from "./define.ts";

/** Hostile multi-tenant workloads: skipped (manual); manual review: the control has no inputs a scanner can read. */
export const control = defineControl({
  id: "C-0242",
  description: "Hostile multi-tenant workloads cannot be separated safely by namespaces alone; this needs a manual review.",
  remediation: "Run hostile tenants on separate clusters or node pools with sandboxed runtimes.",
  implementation: "manual",
  skipReason: "manual review: the control has no inputs a scanner can read",
});
