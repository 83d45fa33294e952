import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

function seccompType(ctx: unknown): string | undefined {
  const t = (ctx as { seccompProfile?: { type?: unknown } } | undefined)?.seccompProfile?.type;
  return typeof t === "string" ? t : undefined;
}

/**
 * CIS 5.7.2: every container should run with the RuntimeDefault seccomp profile. The container's
 * own setting wins; otherwise the pod's; with neither, a fix on the container is suggested.
 */
export const control = defineControl({
  id: "C-0210",
  description: "Containers without seccompProfile type RuntimeDefault (container or pod level) run unconfined.",
  remediation: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod or on each container.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const podType = seccompType(wl.spec.securityContext);
      const paths: RulePaths[] = [];
      containersOf(wl.spec).forEach((c, i) => {
        const own = seccompType(c.securityContext);
        const at = `${wl.prefix}containers[${i}].securityContext.seccompProfile.type`;
        if (own !== undefined) {
          if (own !== "RuntimeDefault") paths.push({ failedPath: at, reviewPath: at });
        } else if (podType !== undefined) {
          if (podType !== "RuntimeDefault") paths.push({ failedPath: `${wl.prefix}securityContext.seccompProfile.type`, reviewPath: `${wl.prefix}securityContext.seccompProfile.type` });
        } else {
          paths.push({ fixPath: { path: at, value: "RuntimeDefault" } });
        }
      });
      const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
      return unique.length ? unique : null;
    }),
});
