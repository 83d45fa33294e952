import { defineControl } from "./define.ts";
import { evaluateFlags, notSetTo } from "./lib/apiServerFlags.ts";

/** Profiling on the controller manager. */
export const control = defineControl({
  id: "C-0145",
  description: "Fails a controller manager with --profiling=true or no --profiling flag (it defaults to true).",
  remediation: "Start kube-controller-manager with --profiling=false.",
  evaluate: (index) => evaluateFlags(index, "kube-controller-manager", notSetTo("--profiling", "true", "false")),
});
