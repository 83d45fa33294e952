import { defineControl } from "./define.ts";
import { evaluateFlags, type FlagCheck, listFlag } from "./lib/apiServerFlags.ts";

/** The suites kubescape's rule expects to find in --tls-cipher-suites. */
const WANTED = [
  "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
];

const strongCiphers: FlagCheck = (flags) => {
  for (let i = 0; i < flags.all.length; i++) {
    const entry = flags.all[i]!;
    const hit = listFlag(entry, "--tls-cipher-suites");
    if (!hit) continue;
    const missing = WANTED.filter((w) => !hit.values.includes(w));
    if (missing.length === 0) return null;
    const lead = hit.origin.startsWith(" ") ? " " : "";
    const trail = hit.origin.endsWith(" ") ? " " : "";
    const fixed = entry.replace(hit.origin, `${lead}--tls-cipher-suites=${[...hit.values, ...missing].join(",")}${trail}`);
    const path = flags.path(i);
    return [{ failedPath: path, reviewPath: path }, { fixPath: { path, value: fixed } }];
  }
  if (!flags.mentions("--tls-cipher-suites")) return [{ fixPath: { path: flags.appendPath(), value: `--tls-cipher-suites=${WANTED.join(",")}` } }];
  return null;
};

/** Strong TLS cipher suites only. */
export const control = defineControl({
  id: "C-0143",
  description: "Fails an API server whose --tls-cipher-suites is absent or lacks one of the strong suites kubescape expects.",
  remediation: "Set --tls-cipher-suites to the recommended strong cipher list.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", strongCiphers),
});
