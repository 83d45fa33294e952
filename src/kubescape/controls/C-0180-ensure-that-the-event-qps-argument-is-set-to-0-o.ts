import { defineControl } from "./define.ts";
import { checkKubeletSetting } from "./lib/hostKubelet.ts";

/** Ensure that the --event-qps argument is set to 0 or a level which ensures appropriate event capture (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0180",
  description: "Checks the kubelet event rate limit as Kubescape does: eventRecordQPS set to 0 fails.",
  remediation: "Set eventRecordQPS in the kubelet config to a level that captures the events you need.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "event-qps",
      configPath: "eventRecordQPS",
      judge: (v) => v === undefined || Number(v) !== 0,
    }),
});
