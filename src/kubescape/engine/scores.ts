import type { ControlOutcome, ControlStatus, FrameworkSummary, ResourceCounters } from "./results.ts";

/**
 * True when a control counts in the averages: it was evaluated. Skipped controls are left out
 * (kubescape's opa-utils would count them 0, which marks a cluster down for not running the host
 * scanner or not being on a cloud; here a skipped control is reported, not scored).
 */
export function isScored(c: ControlOutcome): boolean {
  return c.status !== "skipped";
}

/** Compliance: the mean of the evaluated controls' compliance scores; 100 when none was evaluated. */
export function averageCompliance(controls: readonly ControlOutcome[]): number {
  const scored = controls.filter(isScored);
  if (scored.length === 0) return 100;
  return round2(scored.reduce((s, c) => s + (c.complianceScore ?? 0), 0) / scored.length);
}

/**
 * Risk (kubescape): Σ baseScore × failed weight / Σ baseScore × all weight over the controls,
 * so a control weighs by its base score and by how many (replicated) resources it looked at.
 */
export function weightedRisk(controls: readonly ControlOutcome[]): number {
  let failed = 0;
  let all = 0;
  for (const c of controls) {
    if (!isScored(c)) continue;
    failed += c.failedWeight * c.control.baseScore;
    all += c.allWeight * c.control.baseScore;
  }
  return all === 0 ? 0 : round2((failed / all) * 100);
}

export function countStatuses(controls: readonly ControlOutcome[]): Record<ControlStatus, number> {
  const counts: Record<ControlStatus, number> = { passed: 0, failed: 0, skipped: 0, excepted: 0 };
  for (const c of controls) counts[c.status]++;
  return counts;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Resource-level status across a set of controls (each resource counted once). */
export function countResources(controls: readonly ControlOutcome[], resourceCount: number): ResourceCounters {
  // 0 = not seen, 1 = passed, 2 = excepted, 3 = failed (worst wins)
  const state = new Uint8Array(resourceCount);
  for (const c of controls) {
    if (c.status === "skipped") continue;
    for (const r of c.passed) if (state[r]! < 1) state[r] = 1;
    for (const e of c.excepted) if (state[e.resource]! < 2) state[e.resource] = 2;
    for (const f of c.failed) state[f.resource] = 3;
  }
  const counters: ResourceCounters = { passed: 0, failed: 0, excepted: 0 };
  for (const s of state) {
    if (s === 1) counters.passed++;
    else if (s === 2) counters.excepted++;
    else if (s === 3) counters.failed++;
  }
  return counters;
}

export function summarizeFramework(name: string, controlIds: readonly string[], outcomes: ReadonlyMap<string, ControlOutcome>, resourceCount: number): FrameworkSummary {
  const controls = controlIds.map((id) => outcomes.get(id)).filter((c): c is ControlOutcome => c !== undefined);
  const controlCounters = countStatuses(controls);
  const status = controlCounters.failed > 0 ? "failed" : controlCounters.passed + controlCounters.excepted > 0 ? "passed" : "skipped";
  return {
    name,
    controlIds,
    status,
    complianceScore: averageCompliance(controls),
    riskScore: weightedRisk(controls),
    controlCounters,
    resourceCounters: countResources(controls, resourceCount),
  };
}
