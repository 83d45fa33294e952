import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 1.4.1: scheduler profiling is on by default; it must be turned off explicitly. */
export const control = defineControl({
  id: "C-0151",
  description: "The kube-scheduler exposes profiling data unless --profiling=false is set.",
  remediation: "Set --profiling=false in the kube-scheduler manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-scheduler", (flags) => {
      const at = flags.all.indexOf("--profiling=true");
      if (at >= 0) return wrongFlag(flags.path(at), "--profiling=false");
      if (flags.mentions("--profiling")) return null;
      return missingFlags([{ path: flags.appendPath(), value: "--profiling=false" }]);
    }),
});
