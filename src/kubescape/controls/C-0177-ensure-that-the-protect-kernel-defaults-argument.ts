import { defineControl } from "./define.ts";
import { checkKubeletSetting, isTrue } from "./lib/hostKubelet.ts";

/** Ensure that the --protect-kernel-defaults argument is set to true (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0177",
  description: "Checks that the kubelet refuses to run with kernel tunables that differ from its defaults: protectKernelDefaults is true.",
  remediation: "Set protectKernelDefaults: true in the kubelet config (or --protect-kernel-defaults=true).",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "protect-kernel-defaults",
      configPath: "protectKernelDefaults",
      judge: (v) => v !== undefined && isTrue(v),
    }),
});
