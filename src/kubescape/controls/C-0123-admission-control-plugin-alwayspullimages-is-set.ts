import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** The AlwaysPullImages admission plugin. */
export const control = defineControl({
  id: "C-0123",
  description: "Fails an API server whose --enable-admission-plugins lacks AlwaysPullImages, so pods may use private images cached on a node without credentials.",
  remediation: "Add AlwaysPullImages to --enable-admission-plugins.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--enable-admission-plugins", "AlwaysPullImages")),
});
