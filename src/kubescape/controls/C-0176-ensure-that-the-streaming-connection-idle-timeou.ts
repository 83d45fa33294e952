import { defineControl } from "./define.ts";
import { checkKubeletSetting, isZeroDuration } from "./lib/hostKubelet.ts";

/** Ensure that the --streaming-connection-idle-timeout argument is not set to 0 (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0176",
  description: "Checks that kubelet streaming connections (exec, port-forward) time out: streamingConnectionIdleTimeout is not 0.",
  remediation: "Set streamingConnectionIdleTimeout to a non-zero duration such as 5m in the kubelet config.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "streaming-connection-idle-timeout",
      configPath: "streamingConnectionIdleTimeout",
      judge: (v) => v === undefined || !isZeroDuration(v),
    }),
});
