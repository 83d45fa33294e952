import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";
import { configValue, kubeletView } from "./lib/hostKubelet.ts";

const isSet = (v: unknown) => typeof v === "string" && v !== "";

/** --tls-cert-file and --tls-private-key-file (KubeletInfo: flags, else tlsCertFile/tlsPrivateKeyFile in the config). */
export const control = defineControl({
  id: "C-0181",
  description: "Checks that the kubelet serves HTTPS with an explicit certificate and key (--tls-cert-file and --tls-private-key-file, or tlsCertFile and tlsPrivateKeyFile).",
  remediation: "Set tlsCertFile and tlsPrivateKeyFile in the kubelet config (or the flags) to a certificate signed by the cluster CA.",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<KubeletInfo>(index, "KubeletInfo", (data) => {
      const view = kubeletView(data);
      if (isSet(view.flags.get("tls-cert-file")) && isSet(view.flags.get("tls-private-key-file"))) return [];
      if (view.configUnreadable) return [{ reviewPath: "data.configFile", failedPath: "data.configFile.content" }];
      const cert = view.flags.get("tls-cert-file") ?? configValue(view.config, "tlsCertFile");
      const key = view.flags.get("tls-private-key-file") ?? configValue(view.config, "tlsPrivateKeyFile");
      const failures = [];
      if (!isSet(cert)) failures.push({ failedPath: view.config ? "tlsCertFile" : "data.cmdLine" });
      if (!isSet(key)) failures.push({ failedPath: view.config ? "tlsPrivateKeyFile" : "data.cmdLine" });
      return failures;
    }),
});
