import { defineControl } from "./define.ts";
import { checkKubeletSetting } from "./lib/hostKubelet.ts";

/** Ensure that the Kubelet is configured to limit pod PIDS (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0284",
  description: "Checks that the kubelet caps processes per pod (podPidsLimit / --pod-max-pids above 0), so one pod cannot exhaust the PIDs of its node.",
  remediation: "Set podPidsLimit in the kubelet config to a positive number suited to the workloads.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "pod-max-pids",
      configPath: "podPidsLimit",
      judge: (v) => v !== undefined && Number(v) > 0,
    }),
});
