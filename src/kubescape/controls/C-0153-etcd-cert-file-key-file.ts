import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags } from "./lib/cpComponentPods.ts";

const WANTED: Array<[string, string]> = [
  ["--cert-file", "<path/to/tls-certificate-file.crt>"],
  ["--key-file", "<path/to/tls-key-file.key>"],
];

/** CIS 2.1: etcd must serve TLS (--cert-file and --key-file). */
export const control = defineControl({
  id: "C-0153",
  description: "etcd serves client traffic in clear text unless --cert-file and --key-file are set.",
  remediation: "Set --cert-file and --key-file in the etcd manifest.",
  evaluate: (index) =>
    evaluateComponent(index, "etcd", (flags) => {
      const joined = flags.joined();
      const fixes = WANTED.flatMap(([flag, value], i) =>
        joined.includes(flag) ? [] : [{ path: flags.appendPath(i), value: `${flag}=${value}` }],
      );
      return fixes.length ? missingFlags(fixes) : null;
    }),
});
