import { defineControl } from "./define.ts";
import { checkKubeletSetting, isFalse } from "./lib/hostKubelet.ts";

/** Ensure that the --rotate-certificates argument is not set to false (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0182",
  description: "Checks that kubelet client certificate rotation is not turned off (rotateCertificates / --rotate-certificates is not false).",
  remediation: "Remove rotateCertificates: false from the kubelet config (or set it true).",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "rotate-certificates",
      configPath: "rotateCertificates",
      judge: (v) => v === undefined || !isFalse(v),
    }),
});
