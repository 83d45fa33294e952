import { allControls } from "./controls/index.ts";
import { frameworkControlIds, frameworkNames, referenceControls } from "./engine/reference.ts";
import type { Control, ImplementationStatus } from "./types.ts";

export type ListedStatus = ImplementationStatus | "not-implemented";

export interface ListedControl {
  id: string;
  name: string;
  severity: string;
  baseScore: number;
  frameworks: readonly string[];
  implementation: ListedStatus;
  skipReason?: string;
}

/** Every reference control with its implementation status (from the control files present). */
export function listControls(controls: readonly Control[] = allControls): { controls: ListedControl[]; counts: Record<string, number> } {
  const byId = new Map(controls.map((c) => [c.id, c]));
  const listed = referenceControls().map((ref): ListedControl => {
    const c = byId.get(ref.id);
    return {
      id: ref.id,
      name: ref.name,
      severity: ref.severity,
      baseScore: ref.baseScore,
      frameworks: ref.frameworks,
      implementation: c?.implementation ?? "not-implemented",
      ...(c?.skipReason ? { skipReason: c.skipReason } : {}),
    };
  });
  const counts: Record<string, number> = { total: listed.length };
  for (const c of listed) counts[c.implementation] = (counts[c.implementation] ?? 0) + 1;
  return { controls: listed, counts };
}

export function listFrameworks(controls: readonly Control[] = allControls) {
  const byId = new Map(controls.map((c) => [c.id, c]));
  return frameworkNames().map((name) => {
    const ids = frameworkControlIds(name) ?? [];
    const statuses: Record<string, number> = {};
    for (const id of ids) {
      const s = byId.get(id)?.implementation ?? "not-implemented";
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
    return { name, controls: ids.length, statuses };
  });
}
