import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/**
 * CIS 1.2.x (v1.12): --service-account-extend-token-expiration defaults to true, which keeps
 * projected tokens valid for a year; it must be set to false explicitly.
 */
export const control = defineControl({
  id: "C-0290",
  description: "The kube-apiserver extends service-account token lifetimes unless --service-account-extend-token-expiration=false.",
  remediation: "Set --service-account-extend-token-expiration=false on the kube-apiserver.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-apiserver", (flags) => {
      const found = flags.find("--service-account-extend-token-expiration");
      const fix = "--service-account-extend-token-expiration=false";
      if (found) return found.value.toLowerCase() === "false" ? null : wrongFlag(flags.path(found.index), fix);
      return missingFlags([{ path: flags.appendPath(), value: fix }]);
    }),
});
