import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck } from "./lib/apiServerFlags.ts";

const securePortZero: FlagCheck = (flags) => {
  const i = flags.all.findIndex((e) => e.includes("--secure-port=0"));
  return i >= 0 ? [{ failedPath: flags.path(i), reviewPath: flags.path(i) }] : null;
};

/** The secure port disabled. */
export const control = defineControl({
  id: "C-0128",
  description: "Fails an API server started with --secure-port=0, which turns off the authenticated HTTPS port.",
  remediation: "Remove --secure-port=0 (or set a port such as 6443).",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", securePortZero),
});
