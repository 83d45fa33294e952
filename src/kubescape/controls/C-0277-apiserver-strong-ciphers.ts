import { defineControl } from "./define.ts";
import { evaluateComponent, missingFlags, wrongFlag } from "./lib/cpComponentPods.ts";

/** The cipher suites kubescape expects in --tls-cipher-suites (CIS 1.2.29 list). */
const STRONG = [
  "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
];

/** CIS 1.2.29 (v1.10+): --tls-cipher-suites must list the strong suites (as kubescape checks it: all of them). */
export const control = defineControl({
  id: "C-0277",
  description: "The kube-apiserver should restrict TLS to strong cipher suites with --tls-cipher-suites.",
  remediation: "Set --tls-cipher-suites on the kube-apiserver to the strong suites list.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-apiserver", (flags) => {
      const found = flags.find("--tls-cipher-suites");
      if (found) {
        const values = found.value.split(",").filter((v) => v !== "");
        const missing = STRONG.filter((s) => !values.includes(s));
        if (!missing.length) return null;
        const entry = flags.all[found.index]!;
        const fixed = entry.replace(`--tls-cipher-suites=${found.value}`, `--tls-cipher-suites=${[...values, ...missing].join(",")}`);
        return wrongFlag(flags.path(found.index), fixed);
      }
      if (flags.mentions("--tls-cipher-suites")) return null;
      return missingFlags([{ path: flags.appendPath(), value: `--tls-cipher-suites=${STRONG.join(",")}` }]);
    }),
});
