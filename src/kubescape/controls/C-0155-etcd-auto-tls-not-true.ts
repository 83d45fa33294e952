import { defineControl } from "./define.ts";
import { evaluateComponent, wrongFlag } from "./lib/cpComponentPods.ts";

/** CIS 2.3: --auto-tls=true lets etcd use self-signed certificates. */
export const control = defineControl({
  id: "C-0155",
  description: "etcd with --auto-tls=true uses self-signed certificates for client TLS.",
  remediation: "Remove --auto-tls or set it to false in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const i = flags.all.findIndex((c) => c.includes("--auto-tls=true"));
      return i >= 0 ? wrongFlag(flags.path(i), flags.all[i]!.replace("--auto-tls=true", "--auto-tls=false")) : null;
    }),
});
