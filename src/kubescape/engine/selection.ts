import type { Control } from "../types.ts";
import { canonicalFrameworkName, frameworkControlIds, frameworkNames, referenceControl } from "./reference.ts";

export interface ScanSelection {
  /** Framework names (any case); empty with no controlIds = every framework. */
  frameworks?: readonly string[];
  /** Control IDs (C-0057 or c-0057). */
  controlIds?: readonly string[];
}

export interface ScanPlan {
  controls: Control[];
  /** Selected IDs known to the reference but not implemented in this build. */
  missingControlIds: string[];
  /** Canonical framework names to summarise. */
  frameworks: string[];
}

export class SelectionError extends Error {}

/**
 * Resolves a framework/control selection into the controls to run. Unknown framework names or
 * control IDs are errors naming the culprit (a typo must not silently scan nothing).
 */
export function planScan(selection: ScanSelection, available: readonly Control[]): ScanPlan {
  const byId = new Map(available.map((c) => [c.id, c]));
  const ids = new Set<string>();
  let frameworks: string[] = [];
  const controlIds = (selection.controlIds ?? []).map((id) => id.trim().toUpperCase()).filter(Boolean);
  if (controlIds.length > 0) {
    for (const id of controlIds) {
      if (!byId.has(id) && !referenceControl(id)) throw new SelectionError(`unknown control ${id}`);
      ids.add(id);
    }
  } else {
    const requested = (selection.frameworks ?? []).map((f) => f.trim()).filter(Boolean);
    const names = requested.length === 0 || requested.some((f) => f.toLowerCase() === "all") ? frameworkNames() : requested;
    for (const name of names) {
      const canonical = canonicalFrameworkName(name);
      if (!canonical) throw new SelectionError(`unknown framework ${name}; known: ${frameworkNames().join(", ")}`);
      frameworks.push(canonical);
      for (const id of frameworkControlIds(canonical) ?? []) ids.add(id);
    }
    frameworks = [...new Set(frameworks)];
  }
  const sorted = [...ids].sort();
  return {
    controls: sorted.map((id) => byId.get(id)).filter((c): c is Control => c !== undefined),
    missingControlIds: sorted.filter((id) => !byId.has(id)),
    frameworks,
  };
}
