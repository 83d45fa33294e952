import { defineControl } from "./define.ts";
import { evaluateFlags, notSetTo } from "./lib/apiServerFlags.ts";

/** Anonymous requests to the API server. */
export const control = defineControl({
  id: "C-0113",
  description: "Fails an API server that serves anonymous requests: --anonymous-auth=true or the flag absent (it defaults to true).",
  remediation: "Start kube-apiserver with --anonymous-auth=false.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", notSetTo("--anonymous-auth", "true", "false")),
});
