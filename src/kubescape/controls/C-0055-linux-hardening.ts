import { defineControl } from "./define.ts";
import { evaluateContainers, fix } from "./lib/workload.ts";

/**
 * kubescape's current linux-hardening rule: every container and init container needs a seccomp
 * profile, from its own securityContext or the pod's; each one without gets a fix.
 */
export const control = defineControl({
  id: "C-0055",
  description: "Fails workloads with a container or init container that has no seccompProfile, neither in its own securityContext nor in the pod's.",
  remediation: "Set securityContext.seccompProfile (e.g. type: RuntimeDefault) on the pod or on every container; add SELinux/AppArmor and drop capabilities where possible.",
  evaluate: (index) =>
    evaluateContainers(
      index,
      (c, t) => (t.spec.securityContext?.seccompProfile || c.container.securityContext?.seccompProfile ? [] : [fix(`${c.path}.securityContext.seccompProfile`, "YOUR_VALUE")]),
      ["containers", "initContainers"],
    ),
});
