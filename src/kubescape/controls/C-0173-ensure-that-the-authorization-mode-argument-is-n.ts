import { defineControl } from "./define.ts";
import { checkKubeletSetting } from "./lib/hostKubelet.ts";

/** Ensure that the --authorization-mode argument is not set to AlwaysAllow (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0173",
  description: "Checks that kubelet authorization is not AlwaysAllow (the flag default when no config file is used; a config file defaults to Webhook).",
  remediation: "Set authorization.mode: Webhook in the kubelet config (or --authorization-mode=Webhook).",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "authorization-mode",
      configPath: "authorization.mode",
      judge: (v, source) => (v === undefined ? source === "config" : String(v) !== "AlwaysAllow"),
    }),
});
