import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";
import { containersOf, evaluateWorkloads, fix } from "./lib/workload.ts";

const noSeccompNorSelinux = (o: Json | undefined) => !o?.securityContext?.seccompProfile && !o?.securityContext?.seLinuxOptions;

/**
 * kubescape's linux-hardening: a workload fails when neither the pod nor a container sets
 * seccomp, SELinux, AppArmor (annotation) or dropped capabilities; each bare container gets fixes.
 */
export const control = defineControl({
  id: "C-0055",
  description: "Fails workloads with no Linux hardening: no seccompProfile or seLinuxOptions at pod level, no AppArmor annotation, and containers without seccomp, SELinux or dropped capabilities.",
  remediation: "Set a seccompProfile (e.g. RuntimeDefault), SELinux options or an AppArmor profile, and drop unneeded capabilities.",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => {
      if (!noSeccompNorSelinux(t.spec)) return [];
      const annotations = t.meta.annotations ?? {};
      if (Object.keys(annotations).some((k) => k.startsWith("container.apparmor.security.beta.kubernetes.io"))) return [];
      const out: RulePaths[] = [];
      for (const c of containersOf(t)) {
        if (!noSeccompNorSelinux(c.container) || c.container.securityContext?.capabilities?.drop) continue;
        for (const field of ["seccompProfile", "seLinuxOptions", "capabilities.drop[0]"]) out.push(fix(`${c.path}.securityContext.${field}`, "YOUR_VALUE"));
      }
      return out;
    }),
});
