import type { RulePaths, ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";
import { resultFor } from "./lib/hostData.ts";
import { isOwnedPod, podSpecOf } from "./lib/hostPodSpec.ts";

interface ContainerLike {
  name?: string;
  securityContext?: Record<string, unknown>;
}

const isEmpty = (o: Record<string, unknown> | undefined) => !o || Object.keys(o).length === 0;

/**
 * The core of kubescape's 15 rules for this control: every container runs with a security context
 * that sets the basics (no privilege escalation, a non-root user from pod or container, and
 * dropped capabilities or a read-only root filesystem).
 */
export function securityContextGaps(spec: Record<string, unknown>, path: string): RulePaths[] {
  const podCtx = spec.securityContext as Record<string, unknown> | undefined;
  const gaps: RulePaths[] = [];
  for (const field of ["containers", "initContainers"] as const) {
    ((spec[field] as ContainerLike[] | undefined) ?? []).forEach((c, i) => {
      const ctx = c.securityContext;
      const base = `${path}.${field}[${i}].securityContext`;
      if (isEmpty(ctx) && isEmpty(podCtx)) {
        gaps.push({ failedPath: base, fixPath: { path: `${base}.allowPrivilegeEscalation`, value: "false" } });
        return;
      }
      if (ctx?.privileged === true) gaps.push({ failedPath: `${base}.privileged` });
      if (ctx?.allowPrivilegeEscalation !== false) gaps.push({ failedPath: `${base}.allowPrivilegeEscalation`, fixPath: { path: `${base}.allowPrivilegeEscalation`, value: "false" } });
      const runAsNonRoot = ctx?.runAsNonRoot ?? podCtx?.runAsNonRoot;
      const runAsUser = ctx?.runAsUser ?? podCtx?.runAsUser;
      if (runAsNonRoot !== true && !(typeof runAsUser === "number" && runAsUser > 0)) gaps.push({ failedPath: `${base}.runAsNonRoot`, fixPath: { path: `${base}.runAsNonRoot`, value: "true" } });
    });
  }
  return gaps;
}

/** Apply Security Context to Your Pods and Containers (workloads; listed with host data by kubescape). */
export const control = defineControl({
  id: "C-0211",
  description: "Checks that every container runs with a security context: not privileged, no privilege escalation, and a non-root user set on the pod or container.",
  remediation: "Set securityContext on pods and containers: allowPrivilegeEscalation: false, runAsNonRoot: true (or a non-zero runAsUser), privileged unset.",
  implementation: "host",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const wl of index.workloads()) {
      if (isOwnedPod(wl)) continue;
      const at = podSpecOf(wl);
      if (at) results.push(resultFor(wl, securityContextGaps(at.spec, at.path)));
    }
    return { results };
  },
});
