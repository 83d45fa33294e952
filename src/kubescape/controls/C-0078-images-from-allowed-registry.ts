import { defineControl } from "./define.ts";
import { normalizedImageName } from "./lib/image.ts";
import { evaluateContainers, failedAndReview, inputOr } from "./lib/workload.ts";

/** Images that do not come from a repository in imageRepositoryAllowList. */
export const control = defineControl({
  id: "C-0078",
  description: "Fails containers whose normalized image name does not start with an entry of the imageRepositoryAllowList input (an empty list allows nothing).",
  remediation: "Use images from the allowed repositories only, or add the repository to imageRepositoryAllowList.",
  evaluate: (index, inputs) => {
    const allowed = inputOr(inputs, "imageRepositoryAllowList", []);
    return evaluateContainers(index, (c) => {
      if (typeof c.container.image !== "string") return [];
      const name = normalizedImageName(c.container.image);
      return allowed.some((r) => name.startsWith(r)) ? [] : [failedAndReview(`${c.path}.image`)];
    });
  },
});
