import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/wlPodSpec.ts";

/**
 * Images must carry a cosign signature made by one of `trustedCosignPublicKeys`. Verification
 * needs the registry, which a pure control cannot reach: like kubescape without registry access
 * (or with no trusted keys configured), every image counts as unverified and is listed for review.
 */
export const control = defineControl({
  id: "C-0236",
  description: "Images whose cosign signature is not verified against the trusted public keys (none can be verified offline).",
  remediation: "Sign images with cosign, list the public keys in trustedCosignPublicKeys, and verify at admission.",
  evaluate: (index) =>
    evaluateWorkloads(index, (wl) => {
      const paths = containersOf(wl.spec).map((_, i) => ({ failedPath: `${wl.prefix}containers[${i}].image`, reviewPath: `${wl.prefix}containers[${i}].image` }));
      return paths.length ? paths : null;
    }),
});
