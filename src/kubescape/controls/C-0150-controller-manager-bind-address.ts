import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 1.3.7: the controller manager's --bind-address must be 127.0.0.1 (absent means 0.0.0.0). */
export const control = defineControl({
  id: "C-0150",
  description: "The kube-controller-manager serves metrics and health on all interfaces unless --bind-address is 127.0.0.1.",
  remediation: "Set --bind-address=127.0.0.1 in the kube-controller-manager manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-controller-manager", (flags) => {
      const found = flags.find("--bind-address");
      if (found) return found.value === "127.0.0.1" ? null : wrongFlag(flags.path(found.index), "--bind-address=127.0.0.1");
      if (flags.mentions("--bind-address")) return null;
      return missingFlags([{ path: flags.appendPath(), value: "--bind-address=127.0.0.1" }]);
    }),
});
