import { defineControl } from "./define.ts";
import { evaluateFlags, reviewIfPresent } from "./lib/apiServerFlags.ts";

/** A custom request timeout to review. */
export const control = defineControl({
  id: "C-0134",
  description: "Flags an API server that sets --request-timeout so the value can be reviewed (the 60s default passes).",
  remediation: "Keep --request-timeout at a value that suits the cluster, or drop it to use the default.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", reviewIfPresent("--request-timeout")),
});
