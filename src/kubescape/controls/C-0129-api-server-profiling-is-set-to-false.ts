import { defineControl } from "./define.ts";
import { evaluateFlags, notSetTo } from "./lib/apiServerFlags.ts";

/** Profiling on the API server. */
export const control = defineControl({
  id: "C-0129",
  description: "Fails an API server with --profiling=true or no --profiling flag (it defaults to true), exposing performance data.",
  remediation: "Start kube-apiserver with --profiling=false.",
  evaluate: (index) => evaluateFlags(index, "kube-apiserver", notSetTo("--profiling", "true", "false")),
});
