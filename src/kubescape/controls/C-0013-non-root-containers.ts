import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { ALL_CONTAINERS, evaluateContainers, fix } from "./lib/workload.ts";

interface Setting {
  value: unknown;
  /** where it was set: the container's or the pod's securityContext */
  at?: "container" | "pod";
}

/** A securityContext field from the container, else the pod, else unset. */
function lookup(container: Json, podSpec: Json, field: string): Setting {
  const c = container.securityContext?.[field];
  if (c !== undefined && c !== null) return { value: c, at: "container" };
  const p = podSpec.securityContext?.[field];
  if (p !== undefined && p !== null) return { value: p, at: "pod" };
  return { value: undefined };
}

/**
 * Mirrors kubescape's non-root-containers rule (containers, initContainers and
 * ephemeralContainers): a container may run as root when runAsNonRoot is not true and the user
 * resolves to 0 (unset counts as 0), or when the group resolves to 0. Only fixes are reported:
 * runAsUser/runAsGroup 1000 where the value was set, runAsNonRoot true / runAsGroup 1000 on the
 * container otherwise.
 */
export const control = defineControl({
  id: "C-0013",
  description: "Fails containers (init and ephemeral included) that may run as root: runAsNonRoot not true with runAsUser 0 or unset, or runAsGroup 0 or unset, at container or pod level.",
  remediation: "Set runAsNonRoot: true (or runAsUser >= 1000) and runAsGroup >= 1000 in the pod or container securityContext.",
  evaluate: (index) =>
    evaluateContainers(
      index,
      (c, t) => {
        const out: RulePaths[] = [];
        const at = (s: Setting, field: string) => (s.at === "pod" ? `${t.path}.securityContext.${field}` : `${c.path}.securityContext.${field}`);
        const nonRoot = lookup(c.container, t.spec, "runAsNonRoot");
        if ((nonRoot.at ? nonRoot.value : false) === false) {
          const user = lookup(c.container, t.spec, "runAsUser");
          if ((user.at ? user.value : 0) === 0) {
            out.push(user.at ? fix(at(user, "runAsUser"), "1000") : fix(`${c.path}.securityContext.runAsNonRoot`, "true"));
          }
        }
        const group = lookup(c.container, t.spec, "runAsGroup");
        if ((group.at ? group.value : 0) === 0) out.push(fix(at(group, "runAsGroup"), "1000"));
        return out;
      },
      ALL_CONTAINERS,
    ),
});
