import type { K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/**
 * PodSecurityPolicy checks as kubescape runs them: admission picks the most permissive policy a
 * Pod can use, but one restrictive PSP is enough for the cluster to be able to enforce the rule,
 * so PSPs fail only when every PSP allows the risky setting.
 */
export function evaluatePsps(index: ResourceIndex, allows: (spec: Record<string, unknown>) => boolean, paths: RulePaths[]): { results: ResourceResult[] } {
  const psps = index.byKind("PodSecurityPolicy");
  const specOf = (p: K8sObject) => (p.spec && typeof p.spec === "object" ? (p.spec as Record<string, unknown>) : {});
  const allAllow = psps.length > 0 && psps.every((p) => allows(specOf(p)));
  const results: ResourceResult[] = psps.map((p) => (allAllow && allows(specOf(p)) ? { object: p, status: "failed", paths } : { object: p, status: "passed", paths: [] }));
  return { results };
}

export const removable = (path: string): RulePaths[] => [{ failedPath: path, deletePath: path }];
