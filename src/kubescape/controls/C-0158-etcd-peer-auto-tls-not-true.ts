import { defineControl } from "./define.ts";
import { evaluateComponent, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 2.6: --peer-auto-tls=true lets etcd peers use self-signed certificates. */
export const control = defineControl({
  id: "C-0158",
  description: "etcd with --peer-auto-tls=true uses self-signed certificates between peers.",
  remediation: "Remove --peer-auto-tls or set it to false in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const i = flags.all.findIndex((c) => c.includes("--peer-auto-tls=true"));
      return i >= 0 ? wrongFlag(flags.path(i), flags.all[i]!.replace("--peer-auto-tls=true", "--peer-auto-tls=false")) : null;
    }),
});
