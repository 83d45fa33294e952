import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags } from "./lib/cpComponentPods.ts";

const WANTED: Array<[string, string]> = [
  ["--peer-cert-file", "<path/to/tls-certificate-file.crt>"],
  ["--peer-key-file", "<path/to/tls-key-file.key>"],
];

/** CIS 2.4: etcd peers must talk TLS (--peer-cert-file and --peer-key-file). */
export const control = defineControl({
  id: "C-0156",
  description: "etcd peer traffic is unencrypted unless --peer-cert-file and --peer-key-file are set.",
  remediation: "Set --peer-cert-file and --peer-key-file in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const joined = flags.joined();
      const fixes = WANTED.flatMap(([flag, value], i) =>
        joined.includes(flag) ? [] : [{ path: flags.appendPath(i), value: `${flag}=${value}` }],
      );
      if (!fixes.length) return null;
      // The failed path is the list the flags live in (args for RKE2/k3s, command for kubeadm).
      const list = flags.args.length > 0 ? "spec.containers[0].args" : "spec.containers[0].command";
      return [{ failedPath: list, reviewPath: list }, ...missingFlags(fixes)];
    }),
});
