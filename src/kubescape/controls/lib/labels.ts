import type { ControlEvaluation, ResourceIndex, RulePaths } from "../../types.ts";
import { evaluateWorkloads, fix } from "./workload.ts";
import type { Json } from "./workload.ts";

/** True when `meta` carries at least one of the wanted label keys. */
function hasWanted(meta: Json | undefined, wanted: readonly string[]): boolean {
  const labels = meta?.labels;
  if (!labels || typeof labels !== "object") return false;
  return wanted.some((k) => Object.hasOwn(labels, k));
}

/**
 * kubescape's label-usage rules: the workload's own metadata and its pod template must each carry
 * one of the wanted labels; each that does not gets a fix adding the first wanted label.
 */
export function evaluateLabelUsage(index: ResourceIndex, wanted: readonly string[]): ControlEvaluation {
  // kubescape suggests the first wanted label as the key to add
  const key = wanted[0] ?? "YOUR_LABEL";
  return evaluateWorkloads(index, (t, wl) => {
    const out: RulePaths[] = [];
    if (!hasWanted(wl.metadata, wanted)) out.push(fix(`metadata.labels[${key}]`, "YOUR_VALUE"));
    if (wl.kind !== "Pod" && !hasWanted(t.meta, wanted)) out.push(fix(`${t.metaPath}.labels[${key}]`, "YOUR_VALUE"));
    return out;
  });
}
