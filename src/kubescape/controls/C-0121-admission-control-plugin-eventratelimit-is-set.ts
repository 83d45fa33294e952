import { defineControl } from "./define.ts";
import { evaluateFlags, listIncludes } from "./lib/apiServerFlags.ts";

/** The EventRateLimit admission plugin. */
export const control = defineControl({
  id: "C-0121",
  description: "Fails an API server whose --enable-admission-plugins lacks EventRateLimit, leaving event floods unthrottled.",
  remediation: "Add EventRateLimit to --enable-admission-plugins with an --admission-control-config-file.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", listIncludes("--enable-admission-plugins", "EventRateLimit")),
});
