import type { ControlEvaluation, ResourceIndex } from "../../types.ts";
import { compareVersions, imageVersion } from "./image.ts";
import { containersOf, evaluateWorkloads, failed } from "./workload.ts";

const DEPLOYMENT = new Set(["Deployment"]);

/** A half-open version range [from, to). */
export type Range = readonly [readonly number[], readonly number[]];

export function inRanges(v: readonly number[], ranges: readonly Range[]): boolean {
  return ranges.some(([from, to]) => compareVersions(v, from) >= 0 && compareVersions(v, to) < 0);
}

/** Deployments with a container whose image matches `isProduct` at a version inside `ranges`. */
export function evaluateVulnerableImage(index: ResourceIndex, isProduct: (image: string) => boolean, ranges: readonly Range[]): ControlEvaluation {
  return evaluateWorkloads(
    index,
    (t) =>
      containersOf(t).flatMap((c) => {
        const image = c.container.image;
        if (typeof image !== "string" || !isProduct(image)) return [];
        const v = imageVersion(image);
        return v && inRanges(v, ranges) ? [failed(`${c.path}.image`)] : [];
      }),
    DEPLOYMENT,
  );
}
