import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";
import { configValue, isFalse, kubeletView } from "./lib/hostKubelet.ts";

/** RotateKubeletServerCertificate (KubeletInfo: --feature-gates, else featureGates in the config). */
export const control = defineControl({
  id: "C-0183",
  description: "Checks that the RotateKubeletServerCertificate feature gate is not turned off, so kubelet serving certificates are renewed.",
  remediation: "Remove RotateKubeletServerCertificate=false from --feature-gates / featureGates in the kubelet config.",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<KubeletInfo>(index, "KubeletInfo", (data) => {
      const view = kubeletView(data);
      const gates = view.flags.get("feature-gates");
      const fromFlag = gates && /(?:^|,)RotateKubeletServerCertificate=([^,]+)/.exec(gates)?.[1];
      if (fromFlag) return isFalse(fromFlag) ? [{ failedPath: "data.cmdLine" }] : [];
      if (view.configUnreadable) return [{ reviewPath: "data.configFile", failedPath: "data.configFile.content" }];
      const fromConfig = configValue(view.config, "featureGates.RotateKubeletServerCertificate");
      return fromConfig !== undefined && isFalse(fromConfig) ? [{ failedPath: "featureGates.RotateKubeletServerCertificate" }] : [];
    }),
});
