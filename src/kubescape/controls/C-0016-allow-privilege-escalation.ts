import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { ALL_CONTAINERS, evaluateContainers, failed, fix } from "./lib/workload.ts";

/** Containers that may gain more privileges than their parent process. */
export const control = defineControl({
  id: "C-0016",
  description: "Fails workloads with a container (init and ephemeral included) that does not set securityContext.allowPrivilegeEscalation to false, unless every PodSecurityPolicy forbids escalation.",
  remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  evaluate: (index) => {
    const psps = index.byKind("PodSecurityPolicy") as readonly Json[];
    // kubescape accepts a missing container setting when all PSPs forbid escalation
    const pspForbids = psps.length > 0 && psps.every((p) => p.spec?.allowPrivilegeEscalation === false);
    return evaluateContainers(index, (c) => {
      if (pspForbids) return [];
      const v = c.container.securityContext?.allowPrivilegeEscalation;
      const path = `${c.path}.securityContext.allowPrivilegeEscalation`;
      if (v === false) return [];
      if (v === true) return [failed(path)];
      return [fix(path, "false")];
    }, ALL_CONTAINERS);
  },
});
