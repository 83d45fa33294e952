import { defineControl } from "./define.ts";
import { checkKubeletSetting, isFalse } from "./lib/hostKubelet.ts";

/** Ensure that the --make-iptables-util-chains argument is set to true (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0178",
  description: "Checks that the kubelet manages its iptables chains (makeIPTablesUtilChains is not false).",
  remediation: "Remove makeIPTablesUtilChains: false from the kubelet config (or set it true).",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "make-iptables-util-chains",
      configPath: "makeIPTablesUtilChains",
      judge: (v) => v === undefined || !isFalse(v),
    }),
});
