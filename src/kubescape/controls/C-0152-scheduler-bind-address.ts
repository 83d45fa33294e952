import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 1.4.2: the scheduler's --bind-address must be 127.0.0.1. */
export const control = defineControl({
  id: "C-0152",
  description: "The kube-scheduler serves on all interfaces unless --bind-address is 127.0.0.1.",
  remediation: "Set --bind-address=127.0.0.1 in the kube-scheduler manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-scheduler", (flags) => {
      const found = flags.find("--bind-address");
      if (found) return found.value === "127.0.0.1" ? null : wrongFlag(flags.path(found.index), "--bind-address=127.0.0.1");
      if (flags.mentions("--bind-address")) return null;
      return missingFlags([{ path: flags.appendPath(), value: "--bind-address=127.0.0.1" }]);
    }),
});
