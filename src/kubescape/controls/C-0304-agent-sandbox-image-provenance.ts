import { inputList } from "../engine/defaultInputs.ts";
import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containerLists, evaluateSandboxTemplates, sandboxPodSpec } from "./lib/sandboxTemplates.ts";

function tagOf(image: string): string | undefined {
  const last = image.split("/").pop() ?? "";
  const parts = last.split(":");
  return parts.length === 2 ? parts[1] : undefined;
}

/** Allow-list entries are registry prefixes (used as regular expressions, as kubescape does); bare names are Docker Hub images. */
function fromAllowedRegistry(image: string, allowList: readonly string[]): boolean {
  const full = image.includes("/") ? image : `docker.io/${image}`;
  return allowList.some((registry) => {
    try {
      return new RegExp(registry.endsWith("/") ? `^${registry}.*$` : `^${registry}\\/.*$`).test(full);
    } catch {
      return full.startsWith(registry.endsWith("/") ? registry : `${registry}/`);
    }
  });
}

/**
 * Agent sandbox images must come from a registry in `imageRepositoryAllowList` (an empty list
 * approves none) and be pinned: a digest or an explicit tag other than latest and other than a
 * configured floating tag (`floatingImageTags`).
 */
export const control = defineControl({
  id: "C-0304",
  description: "Images from unapproved registries, or untagged, :latest or floating-tag images, let the code an agent sandbox runs change without review.",
  remediation: "Use images from an approved registry (imageRepositoryAllowList) pinned to an explicit version tag or a digest.",
  evaluate: (index, inputs) => {
    const floating = inputs["floatingImageTags"] ?? [];
    const allowList = inputList(inputs, "imageRepositoryAllowList");
    return evaluateSandboxTemplates(index, (t) => {
      const paths: RulePaths[] = [];
      for (const { field, items } of containerLists(sandboxPodSpec(t))) {
        items.forEach((c, i) => {
          const image = typeof c.image === "string" ? c.image : "";
          if (image === "") return;
          const tag = tagOf(image);
          const unpinned = !image.includes("@") && (tag === undefined || tag === "latest" || floating.includes(tag));
          if (unpinned || !fromAllowedRegistry(image, allowList)) paths.push({ failedPath: `spec.podTemplate.spec.${field}[${i}].image` });
        });
      }
      return paths.length ? paths : null;
    });
  },
});
