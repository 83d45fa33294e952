import { defineControl } from "./define.ts";
import { checkKubeletSetting, isFalse } from "./lib/hostKubelet.ts";

/** Disable anonymous access to Kubelet service (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0069",
  description: "Checks that the kubelet refuses anonymous requests (--anonymous-auth=false or authentication.anonymous.enabled: false); unset means anonymous access is on.",
  remediation: "Set authentication.anonymous.enabled: false in the kubelet config (or --anonymous-auth=false) and restart the kubelet.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "anonymous-auth",
      configPath: "authentication.anonymous.enabled",
      judge: (v) => v !== undefined && isFalse(v),
    }),
});
