import { defineControl } from "./define.ts";
import { evaluateComponent, wrongFlag } from "./lib/cpComponentPods.ts";

/**
 * CIS 1.2.3 (v1.10+): the DenyServiceExternalIPs admission plugin should be enabled. As in
 * kubescape, only an --enable-admission-plugins list that lacks the plugin is flagged.
 */
export const control = defineControl({
  id: "C-0283",
  description: "The kube-apiserver's enabled admission plugins should include DenyServiceExternalIPs.",
  remediation: "Add DenyServiceExternalIPs to --enable-admission-plugins on the kube-apiserver.",
  evaluate: (index) =>
    evaluateComponent(index, "kube-apiserver", (flags) => {
      for (let i = 0; i < flags.all.length; i++) {
        const m = / ?--enable-admission-plugins=(.+?)(?: |$)/.exec(flags.all[i]!);
        if (!m) continue;
        const values = m[1]!.split(",").filter((v) => v !== "");
        if (values.includes("DenyServiceExternalIPs")) return null;
        return wrongFlag(flags.path(i), "--enable-admission-plugins=DenyServiceExternalIPs");
      }
      return null;
    }),
});
