import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateContainers, fix, passedInputs } from "./lib/workload.ts";

/** Containers that may gain more privileges than their parent process. */
export const control = defineControl({
  id: "C-0016",
  description: "Fails workloads with a container that does not set securityContext.allowPrivilegeEscalation to false, unless every PodSecurityPolicy forbids escalation.",
  remediation: "Set securityContext.allowPrivilegeEscalation: false (and privileged: false) on every container.",
  evaluate: (index) => {
    const psps = index.byKind("PodSecurityPolicy") as readonly Json[];
    // kubescape accepts a container when PodSecurityPolicies exist and all of them forbid escalation
    const pspForbids = psps.length > 0 && psps.every((p) => p.spec?.allowPrivilegeEscalation === false);
    const workloads = evaluateContainers(index, (c) => {
      if (pspForbids || c.container.securityContext?.allowPrivilegeEscalation === false) return [];
      // kubescape reports fixes only: switch escalation and privileged mode off
      return [fix(`${c.path}.securityContext.allowPrivilegeEscalation`, "false"), fix(`${c.path}.securityContext.privileged`, "false")];
    });
    return { results: [...workloads.results, ...passedInputs(index, ["PodSecurityPolicy"])] };
  },
});
