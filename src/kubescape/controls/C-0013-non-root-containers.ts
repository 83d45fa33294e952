import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { evaluateContainers, failed, fix } from "./lib/workload.ts";

interface Setting {
  value: unknown;
  defined: boolean;
  failedPath?: string;
}

/** A securityContext field from the container, else the pod, else undefined. */
function lookup(container: Json, podSpec: Json, field: string, containerPath: string, podPath: string): Setting {
  const c = container.securityContext?.[field];
  if (c !== undefined && c !== null) return { value: c, defined: true, failedPath: `${containerPath}.securityContext.${field}` };
  const p = podSpec.securityContext?.[field];
  if (p !== undefined && p !== null) return { value: p, defined: true, failedPath: `${podPath}.securityContext.${field}` };
  return { value: undefined, defined: false };
}

/**
 * Mirrors kubescape's non-root-containers rule: a container fails when it is not forced to run as
 * non-root (runAsNonRoot false/absent and runAsUser 0/absent), and otherwise when privilege
 * escalation is not switched off.
 */
export const control = defineControl({
  id: "C-0013",
  description: "Fails containers that may run as root: neither runAsNonRoot: true nor a non-zero runAsUser (container or pod level), or that allow privilege escalation.",
  remediation: "Set securityContext.runAsNonRoot: true (or runAsUser above 0) and allowPrivilegeEscalation: false.",
  evaluate: (index) =>
    evaluateContainers(index, (c, t) => {
      const nonRoot = lookup(c.container, t.spec, "runAsNonRoot", c.path, t.path);
      const user = lookup(c.container, t.spec, "runAsUser", c.path, t.path);
      const ape = lookup(c.container, t.spec, "allowPrivilegeEscalation", c.path, t.path);
      const nonRootFix = fix(`${c.path}.securityContext.runAsNonRoot`, "true");
      const apeFix = fix(`${c.path}.securityContext.allowPrivilegeEscalation`, "false");
      // fixes suggested for an absent setting: runAsNonRoot, plus allowPrivilegeEscalation unless already false
      const apeOff = c.container.securityContext?.allowPrivilegeEscalation === false || t.spec.securityContext?.allowPrivilegeEscalation === false;
      const absentFixes: RulePaths[] = apeOff ? [nonRootFix] : [nonRootFix, apeFix];
      const nonRootValue = nonRoot.defined ? nonRoot.value : false;
      const userValue = user.defined ? user.value : 0;
      if (nonRootValue === false && userValue === 0) {
        const chosen = user.defined ? user : nonRoot;
        return chosen.defined ? [failed(chosen.failedPath!)] : absentFixes;
      }
      if (ape.defined) return ape.value === true ? [failed(ape.failedPath!)] : [];
      return [apeFix];
    }),
});
