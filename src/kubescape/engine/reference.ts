import reference from "../reference/controls.json" with { type: "json" };
import type { ControlMeta } from "../types.ts";

/** The reference file's view of a control (what we know even without an implementation). */
export interface ReferenceControlInfo {
  id: string;
  name: string;
  baseScore: number;
  severity: ControlMeta["severity"];
  category: string | null;
  scanningScope: readonly string[];
  frameworks: readonly string[];
  needsHostData: boolean;
  needsCloudData: boolean;
  needsImageScan: boolean;
}

const controls = reference.controls as unknown as ReferenceControlInfo[];
const controlById = new Map(controls.map((c) => [c.id, c]));
const frameworks = reference.frameworks as Record<string, string[]>;
const frameworkByLowerName = new Map(Object.keys(frameworks).map((n) => [n.toLowerCase(), n]));

export function referenceControl(id: string): ReferenceControlInfo | undefined {
  return controlById.get(id.toUpperCase());
}

export function referenceControls(): readonly ReferenceControlInfo[] {
  return controls;
}

/** Every framework name in the reference file (NSA, MITRE, ArmoBest, cis-v1.10.0, ...). */
export function frameworkNames(): string[] {
  return Object.keys(frameworks).sort((a, b) => a.localeCompare(b));
}

/** The canonical spelling of a framework name given in any case, or undefined. */
export function canonicalFrameworkName(name: string): string | undefined {
  return frameworkByLowerName.get(name.toLowerCase());
}

/** Control IDs of a framework (sorted), or undefined for an unknown framework. */
export function frameworkControlIds(name: string): readonly string[] | undefined {
  const canonical = canonicalFrameworkName(name);
  return canonical ? frameworks[canonical] : undefined;
}

/** What is being scanned, as kubescape names it: files, a plain cluster, or a managed cloud cluster. */
export type ScanScope = "file" | "cluster" | "EKS" | "AKS" | "GKE";

/** Kubescape's scope matching: a control scoped to `cluster` also runs on cloud clusters; `cloud` on any of them. */
function scopeMatches(scan: ScanScope, control: string): boolean {
  switch (control) {
    case "file":
      return scan === "file";
    case "cluster":
      return scan !== "file";
    case "cloud":
      return scan === "EKS" || scan === "AKS" || scan === "GKE";
    case "EKS":
    case "AKS":
    case "GKE":
      return scan === control;
    default:
      return true;
  }
}

/** True when a control runs for this kind of scan (controls without a scope always do). */
export function fitsScanScope(id: string, scan: ScanScope): boolean {
  const ref = controlById.get(id);
  if (!ref || ref.scanningScope.length === 0) return true;
  return ref.scanningScope.some((c) => scopeMatches(scan, c));
}

/** True when a control can run on a scan of files (kubescape's scanningScope contains "file"). */
export function runsOnFiles(id: string): boolean {
  return fitsScanScope(id, "file");
}
