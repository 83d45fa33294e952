import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containerLists, evaluateSandboxTemplates, sandboxPodSpec } from "./lib/sandboxTemplates.ts";

function tagOf(image: string): string | undefined {
  const last = image.split("/").pop() ?? "";
  const parts = last.split(":");
  return parts.length === 2 ? parts[1] : undefined;
}

/** Agent sandbox images must be pinned: a digest or an explicit tag other than latest and other than a configured floating tag (`floatingImageTags`). */
export const control = defineControl({
  id: "C-0304",
  description: "Untagged, :latest or floating-tag images let the code an agent sandbox runs change without review.",
  remediation: "Pin SandboxTemplate images to an explicit version tag or a digest.",
  evaluate: (index, inputs) => {
    const floating = inputs["floatingImageTags"] ?? [];
    return evaluateSandboxTemplates(index, (t) => {
      const paths: RulePaths[] = [];
      for (const { field, items } of containerLists(sandboxPodSpec(t))) {
        items.forEach((c, i) => {
          const image = typeof c.image === "string" ? c.image : "";
          if (image === "" || image.includes("@")) return;
          const tag = tagOf(image);
          if (tag === undefined || tag === "latest" || floating.includes(tag)) paths.push({ failedPath: `spec.podTemplate.spec.${field}[${i}].image` });
        });
      }
      return paths.length ? paths : null;
    });
  },
});
