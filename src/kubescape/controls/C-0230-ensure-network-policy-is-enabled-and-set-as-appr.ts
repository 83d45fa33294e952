import type { CNIInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { evaluateHost } from "./lib/hostData.ts";

/** Network policy on EKS (CNIInfo): EKS enforces NetworkPolicy through the Calico or Cilium add-on. */
export const control = defineControl({
  id: "C-0230",
  description: "Checks that nodes run Calico or Cilium, the network-policy engines EKS supports; without one, NetworkPolicies have no effect.",
  remediation: "Install the Calico or Cilium network policy engine (or enable network policy in the VPC CNI add-on).",
  implementation: "host",
  evaluate: (index) =>
    evaluateHost<CNIInfo>(index, "CNIInfo", (data) => {
      const names = data.CNINames ?? [];
      return names.includes("Calico") || names.includes("Cilium") ? [] : [{ failedPath: "data.CNINames" }];
    }),
});
