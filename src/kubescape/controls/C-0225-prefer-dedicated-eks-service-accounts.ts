import { defineControl } from "./define.ts";
import { defaultAccountBindingResults, defaultAccountResults } from "./lib/defaultServiceAccounts.ts";

/**
 * CIS (EKS): workloads should use dedicated service accounts. Bindings that grant roles to a
 * "default" ServiceAccount fail (bootstrap rbac-defaults excepted), as do default accounts that
 * mount tokens.
 */
export const control = defineControl({
  id: "C-0225",
  description: "The default ServiceAccount should hold no role bindings and mount no tokens; dedicated accounts (with cloud identity) are preferred.",
  remediation: "Remove role bindings to default ServiceAccounts, set automountServiceAccountToken: false on them, and create dedicated accounts.",
  evaluate: (index) => ({ results: [...defaultAccountBindingResults(index), ...defaultAccountResults(index)] }),
});
