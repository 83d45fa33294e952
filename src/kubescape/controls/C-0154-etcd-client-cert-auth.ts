import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 2.2: etcd must require client certificates (--client-cert-auth=true). */
export const control = defineControl({
  id: "C-0154",
  description: "Without --client-cert-auth=true etcd accepts clients that present no valid certificate.",
  remediation: "Set --client-cert-auth=true in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const cmd = flags.all;
      const bad = cmd.findIndex((c) => c.includes("--client-cert-auth=false"));
      if (bad >= 0) return wrongFlag(flags.path(bad), cmd[bad]!.replace("--client-cert-auth=false", "--client-cert-auth=true"));
      if (cmd.join(" ").includes("--client-cert-auth")) return null;
      return missingFlags([{ path: flags.appendPath(), value: "--client-cert-auth=true" }]);
    }),
});
