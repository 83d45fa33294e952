import type { CNIInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";

/** CNIs that enforce NetworkPolicy (Flannel alone does not). */
const ENFORCING_CNIS = new Set(["Calico", "Cilium", "WeaveNet", "Antrea", "Kube-router", "Kindnet"]);

/** CNI network-policy support (CNIInfo from host-scanner). */
export const control = defineControl({
  id: "C-0205",
  description: "Checks that the CNI detected on each node enforces NetworkPolicy; with one that does not (e.g. plain Flannel) policies are silently ignored.",
  remediation: "Use a CNI that enforces NetworkPolicy (Calico, Cilium, Antrea...) or add one alongside (Canal).",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<CNIInfo>(index, "CNIInfo", (data) => {
      if (!data.CNINames || data.CNINames.length === 0) return undefined;
      return data.CNINames.some((n) => ENFORCING_CNIS.has(n)) ? [] : [{ failedPath: "data.CNINames" }];
    }),
});
