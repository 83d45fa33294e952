import type { K8sObject, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";

/** agent-sandbox (extensions.agents.x-k8s.io) SandboxTemplates: the pod template sits at spec.podTemplate.spec. */
export function sandboxPodSpec(t: K8sObject): Record<string, unknown> {
  const spec = (t.spec ?? {}) as { podTemplate?: { spec?: Record<string, unknown> } };
  const pod = spec.podTemplate?.spec;
  return pod && typeof pod === "object" ? pod : {};
}

export function evaluateSandboxTemplates(index: ResourceIndex, check: (t: K8sObject) => RulePaths[] | null): { results: ResourceResult[] } {
  const results: ResourceResult[] = index.byKind("SandboxTemplate").map((t) => {
    const paths = check(t);
    return paths ? { object: t, status: "failed", paths } : { object: t, status: "passed", paths: [] };
  });
  return { results };
}

export function containerLists(pod: Record<string, unknown>): Array<{ field: "containers" | "initContainers"; items: Array<Record<string, unknown>> }> {
  return (["containers", "initContainers"] as const).map((field) => ({
    field,
    items: Array.isArray(pod[field]) ? (pod[field] as Array<Record<string, unknown>>).filter((c) => c && typeof c === "object") : [],
  }));
}
