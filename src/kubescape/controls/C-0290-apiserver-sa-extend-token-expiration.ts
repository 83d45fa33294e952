import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

const FLAG = "--service-account-extend-token-expiration";

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
      const i = flags.all.findIndex((c) => c.includes(`${FLAG}=true`));
      if (i >= 0) return wrongFlag(flags.path(i), flags.all[i]!.replace(`${FLAG}=true`, `${FLAG}=false`));
      if (flags.mentions(FLAG)) return null;
      return missingFlags([{ path: flags.appendPath(), value: `${FLAG}=false` }]);
    }),
});
