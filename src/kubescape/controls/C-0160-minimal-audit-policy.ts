import { defineControl } from "./define.ts";
import { evaluateComponent } from "./lib/cpComponentPods.ts";

/** CIS 3.2.1: the API server needs an audit policy (--audit-policy-file) for audit logs to exist. */
export const control = defineControl({
  id: "C-0160",
  description: "Without --audit-policy-file the kube-apiserver records no audit events.",
  remediation: "Create an audit policy and pass it with --audit-policy-file to the kube-apiserver.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-apiserver", (flags) => {
      if (flags.all.some((c) => c.includes("--audit-policy-file="))) return null;
      const at = flags.appendPath();
      return [{ failedPath: at, reviewPath: at }];
    }),
});
