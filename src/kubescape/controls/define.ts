import reference from "../reference/controls.json" with { type: "json" };
import type { Control, ControlEvaluation, ControlInputs, ControlMeta, ImplementationStatus, ResourceIndex } from "../types.ts";

interface ReferenceControl {
  id: string;
  name: string;
  baseScore: number;
  severity: ControlMeta["severity"];
  category: string | null;
  frameworks: string[];
}

const byId = new Map<string, ReferenceControl>((reference.controls as ReferenceControl[]).map((c) => [c.id, c]));

export interface ControlDefinition {
  id: string;
  description: string;
  remediation: string;
  implementation?: ImplementationStatus;
  skipReason?: string;
  evaluate?: (index: ResourceIndex, inputs: ControlInputs) => ControlEvaluation;
}

/**
 * Builds a control: name, base score, severity, category and frameworks come from the reference
 * file (shared/reference/controls.json, copied to src/kubescape/reference), so they cannot drift.
 */
export function defineControl(def: ControlDefinition): Control {
  const ref = byId.get(def.id);
  if (!ref) throw new Error(`unknown control id ${def.id}`);
  const implementation = def.implementation ?? "implemented";
  return {
    id: def.id,
    name: ref.name,
    baseScore: ref.baseScore,
    severity: ref.severity,
    category: ref.category,
    frameworks: ref.frameworks,
    description: def.description,
    remediation: def.remediation,
    implementation,
    skipReason: def.skipReason,
    evaluate: def.evaluate ?? (() => ({ results: [] })),
  };
}

export function referenceControlIds(): string[] {
  return [...byId.keys()];
}
