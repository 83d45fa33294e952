import { defineControl } from "./define.ts";
import { checkKubeletSetting, isFalse } from "./lib/hostKubelet.ts";

/** Ensure that the --anonymous-auth argument is set to false (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0172",
  description: "Checks that the kubelet --anonymous-auth argument (or authentication.anonymous.enabled) is false; the default allows anonymous requests.",
  remediation: "Set authentication.anonymous.enabled: false in the kubelet config (or --anonymous-auth=false) and restart the kubelet.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "anonymous-auth",
      configPath: "authentication.anonymous.enabled",
      judge: (v) => v !== undefined && isFalse(v),
    }),
});
