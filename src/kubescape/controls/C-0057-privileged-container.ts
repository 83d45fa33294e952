import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { ALL_CONTAINERS, evaluateContainers } from "./lib/workload.ts";

/** Privileged containers: privileged: true, or the SYS_ADMIN capability (privileged in all but name). */
export const control = defineControl({
  id: "C-0057",
  description: "Fails workloads with a container (init and ephemeral included) whose securityContext.privileged is true or that adds the SYS_ADMIN capability: it gets (nearly) every host capability and device.",
  remediation: "Set securityContext.privileged to false (or remove it), drop SYS_ADMIN and add only the specific capabilities needed.",
  evaluate: (index) =>
    evaluateContainers(index, (c) => {
      const sc = c.container.securityContext ?? {};
      const add = Array.isArray(sc.capabilities?.add) ? (sc.capabilities.add as unknown[]) : [];
      const paths: string[] = [];
      add.forEach((cap, k) => {
        if (cap === "SYS_ADMIN") paths.push(`${c.path}.securityContext.capabilities.add[${k}]`);
      });
      if (sc.privileged === true) paths.push(`${c.path}.securityContext.privileged`);
      return paths.map((p): RulePaths => ({ failedPath: p, deletePath: p }));
    }, ALL_CONTAINERS),
});
