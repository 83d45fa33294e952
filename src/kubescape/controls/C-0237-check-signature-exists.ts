import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/**
 * Images should be signed. Whether a signature exists is a registry lookup; without registry
 * access (a pure control) no signature can be found, so every image is reported, as kubescape
 * does offline.
 */
export const control = defineControl({
  id: "C-0237",
  description: "Images with no cosign signature found (signatures cannot be looked up without registry access).",
  remediation: "Sign images with cosign and keep the signatures next to the images in the registry.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).map((_, i) => ({ failedPath: `${wl.prefix}containers[${i}].image` }));
      return paths.length ? paths : null;
    }),
});
