import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";
import { configValue, kubeletView } from "./lib/hostKubelet.ts";

/** The CIS benchmark's strong cipher list. */
export const STRONG_CIPHERS = new Set([
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
]);

/** Strong ciphers only (KubeletInfo: --tls-cipher-suites, else tlsCipherSuites in the config). */
export const control = defineControl({
  id: "C-0184",
  description: "Checks that the kubelet restricts TLS to strong cipher suites: the cipher list is set and contains only CIS-approved suites.",
  remediation: "Set tlsCipherSuites in the kubelet config (or --tls-cipher-suites) to strong suites only, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<KubeletInfo>(index, "KubeletInfo", (data) => {
      const view = kubeletView(data);
      const flag = view.flags.get("tls-cipher-suites");
      let ciphers: string[] | undefined;
      let at = "data.cmdLine";
      if (flag !== undefined) ciphers = flag.split(",").map((c) => c.trim()).filter(Boolean);
      else {
        if (view.configUnreadable) return [{ reviewPath: "data.configFile", failedPath: "data.configFile.content" }];
        const v = configValue(view.config, "tlsCipherSuites");
        if (Array.isArray(v)) ciphers = v.map(String);
        if (view.config) at = "tlsCipherSuites";
      }
      if (!ciphers || ciphers.length === 0) return [{ failedPath: at }];
      return ciphers.some((c) => !STRONG_CIPHERS.has(c)) ? [{ failedPath: at }] : [];
    }),
});
