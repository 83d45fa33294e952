import { defineControl } from "./define.ts";
import { checkKubeletSetting } from "./lib/hostKubelet.ts";

/** Ensure that the --client-ca-file argument is set as appropriate (KubeletInfo: the flag wins over the config file). */
export const control = defineControl({
  id: "C-0174",
  description: "Checks that the kubelet --client-ca-file argument (or authentication.x509.clientCAFile) is set.",
  remediation: "Set authentication.x509.clientCAFile in the kubelet config (or --client-ca-file) to the cluster CA.",
  implementation: "host",
  evaluate: (index) =>
    checkKubeletSetting(index, {
      flag: "client-ca-file",
      configPath: "authentication.x509.clientCAFile",
      judge: (v) => typeof v === "string" && v !== "" && v !== "true",
    }),
});
