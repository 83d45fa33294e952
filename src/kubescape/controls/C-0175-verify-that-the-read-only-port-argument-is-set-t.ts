import { defineControl } from "./define.ts";
import { checkKubeletSetting } from "./lib/hostKubelet.ts";

/** Verify that the --read-only-port argument is set to 0 (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0175",
  description: "Checks that the unauthenticated kubelet read-only port (10255 by flag default) is disabled: readOnlyPort / --read-only-port is 0.",
  remediation: "Set readOnlyPort: 0 in the kubelet config (or --read-only-port=0).",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "read-only-port",
      configPath: "readOnlyPort",
      judge: (v, source) => (v === undefined ? source === "config" : Number(v) === 0),
    }),
});
