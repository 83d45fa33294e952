import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 2.5: etcd must require peer client certificates (--peer-client-cert-auth=true). */
export const control = defineControl({
  id: "C-0157",
  description: "Without --peer-client-cert-auth=true etcd accepts peers without a valid certificate.",
  remediation: "Set --peer-client-cert-auth=true in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const cmd = flags.all;
      const bad = cmd.findIndex((c) => c.includes("--peer-client-cert-auth=false"));
      if (bad >= 0) return wrongFlag(flags.path(bad), cmd[bad]!.replace("--peer-client-cert-auth=false", "--peer-client-cert-auth=true"));
      if (cmd.join(" ").includes("--peer-client-cert-auth")) return null;
      return missingFlags([{ path: flags.appendPath(), value: "--peer-client-cert-auth=true" }]);
    }),
});
