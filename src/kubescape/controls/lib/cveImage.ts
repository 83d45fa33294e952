import type { ControlEvaluation, ResourceIndex, ResourceResult, RulePaths } from "../../types.ts";
import { compareVersions } from "./image.ts";
import type { Json } from "./workload.ts";

/** A half-open version range [from, to). */
export type Range = readonly [readonly number[], readonly number[]];

export function inRanges(v: readonly number[], ranges: readonly Range[]): boolean {
  return ranges.some(([from, to]) => compareVersions(v, from) >= 0 && compareVersions(v, to) < 0);
}

/** "1.2.3" (exactly three numeric parts, as kubescape's rules require) or undefined. */
export function strictTriple(version: string | undefined): [number, number, number] | undefined {
  if (version === undefined) return undefined;
  const parts = version.split(".");
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

export interface ProductCheck {
  /** Substring that marks the product's image (kubescape's filter: only such Deployments are listed). */
  marker: string;
  /** Extracts the version text from the image reference. */
  version: (image: string) => string | undefined;
  ranges: readonly Range[];
  /** Also report the image path as reviewPath. */
  review?: boolean;
}

/**
 * kubescape's image CVE rules: Deployments whose containers run the product (image contains the
 * marker) are listed; those at a vulnerable version fail at `spec.template.spec.containers[i].image`.
 */
export function evaluateVulnerableImage(index: ResourceIndex, check: ProductCheck): ControlEvaluation {
  const results: ResourceResult[] = [];
  for (const d of index.byKind("Deployment")) {
    const containers = (d as Json).spec?.template?.spec?.containers;
    if (!Array.isArray(containers)) continue;
    let relevant = false;
    const paths: RulePaths[] = [];
    containers.forEach((c: Json, i: number) => {
      const image = c?.image;
      if (typeof image !== "string" || !image.includes(check.marker)) return;
      relevant = true;
      const v = strictTriple(check.version(image));
      if (!v || !inRanges(v, check.ranges)) return;
      const path = `spec.template.spec.containers[${i}].image`;
      paths.push(check.review ? { failedPath: path, reviewPath: path } : { failedPath: path });
    });
    if (relevant) results.push(paths.length > 0 ? { object: d, status: "failed", paths } : { object: d, status: "passed", paths: [] });
  }
  return { results };
}

/** The text after the first occurrence of `sep` up to the next ":" (kubescape's split(image, sep)[1]). */
export function afterSeparator(image: string, sep: string): string | undefined {
  const parts = image.split(sep);
  return parts.length > 1 ? parts[1] : undefined;
}
