import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { evaluateWorkloads } from "./lib/wlPodSpec.ts";

const DIGEST = /@[a-z0-9]+([.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** The exempt repository must end at a repository, tag or digest boundary. */
function exempt(image: string, repos: readonly string[]): boolean {
  return repos.some((r) => r !== "" && image.startsWith(r) && ["", "/", ":", "@"].includes(image.slice(r.length, r.length + 1)));
}

/** Container, init and ephemeral container images not pinned to a digest (`imageDigestExemptRepositories` exempts repositories). */
export const control = defineControl({
  id: "C-0306",
  description: "Tags can be moved; only a digest guarantees the image that runs is the one that was reviewed.",
  remediation: "Reference images by digest (image@sha256:...).",
  evaluate: (index, inputs) => {
    const repos = inputs["imageDigestExemptRepositories"] ?? [];
    return evaluateWorkloads(index, (wl) => {
      const paths: RulePaths[] = [];
      for (const field of ["containers", "initContainers", "ephemeralContainers"]) {
        const list = wl.spec[field];
        (Array.isArray(list) ? (list as Array<{ image?: unknown }>) : []).forEach((c, i) => {
          const image = typeof c?.image === "string" ? c.image : "";
          if (DIGEST.test(image) || exempt(image, repos)) return;
          const p = `${wl.prefix}${field}[${i}].image`;
          paths.push({ failedPath: p, reviewPath: p });
        });
      }
      return paths.length ? paths : null;
    });
  },
});
