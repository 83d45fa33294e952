import { defineControl } from "./define.ts";
import { evaluateContainers, failedAndReview, inputOr } from "./lib/workload.ts";

const TAG = /:[\w][\w.-]{0,127}(\/)?/g;

/** True when the image reference carries an explicit tag (a ":tag" not followed by "/"). */
function hasTag(image: string): boolean {
  for (const m of image.matchAll(TAG)) if (!m[0].endsWith("/")) return true;
  return false;
}

function isLatest(image: string): boolean {
  for (const m of image.matchAll(TAG)) if (m[0] === ":latest") return true;
  return false;
}

function floatingTag(image: string, floating: readonly string[]): boolean {
  if (image.includes("@") || floating.length === 0) return false;
  const last = image.split("/").pop() ?? "";
  const parts = last.split(":");
  return parts.length === 2 && floating.includes(parts[1]!);
}

/** Containers using :latest (or no tag) with imagePullPolicy other than Always. */
export const control = defineControl({
  id: "C-0075",
  description: "Fails containers whose image uses the latest tag (or no tag) while imagePullPolicy is IfNotPresent or Never, so nodes may run stale images.",
  remediation: "Pin images to a version tag or digest, or set imagePullPolicy: Always.",
  evaluate: (index, inputs) => {
    const floating = inputOr(inputs, "floatingImageTags", []);
    return evaluateContainers(index, (c) => {
      const policy = c.container.imagePullPolicy;
      const image = c.container.image;
      if ((policy !== "Never" && policy !== "IfNotPresent") || typeof image !== "string") return [];
      if (!isLatest(image) && hasTag(image) && !floatingTag(image, floating)) return [];
      return [failedAndReview(`${c.path}.image`), failedAndReview(`${c.path}.imagePullPolicy`)];
    });
  },
});
