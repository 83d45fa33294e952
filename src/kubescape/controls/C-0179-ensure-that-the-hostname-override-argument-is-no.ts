import type { KubeletInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";
import { parseFlags } from "./lib/hostKubelet.ts";

/** --hostname-override (KubeletInfo command line; there is no config-file equivalent). */
export const control = defineControl({
  id: "C-0179",
  description: "Checks that the kubelet does not run with --hostname-override, which can break TLS between kubelet and API server.",
  remediation: "Remove --hostname-override from the kubelet command line (kubelet service drop-in) and restart the kubelet.",
  implementation: "host",
  evaluate: (index) => evaluateHost<KubeletInfo>(index, "KubeletInfo", (data) => (parseFlags(data.cmdLine).has("hostname-override") ? [{ failedPath: "data.cmdLine" }] : [])),
});
