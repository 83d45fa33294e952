import { inputList } from "../engine/defaultInputs.ts";
import { defineControl } from "./define.ts";
import { evaluateSandboxTemplates, sandboxPodSpec } from "./lib/sandboxTemplates.ts";

/** Agent sandboxes must run under a hardened runtime class listed in `hardenedSandboxRuntimeClasses` (default: gvisor). */
export const control = defineControl({
  id: "C-0297",
  description: "SandboxTemplates without an approved hardened runtimeClassName run agent code on the shared node kernel.",
  remediation: "Set spec.podTemplate.spec.runtimeClassName to a hardened runtime such as gvisor.",
  evaluate: (index, inputs) => {
    const allowed = inputList(inputs, "hardenedSandboxRuntimeClasses");
    return evaluateSandboxTemplates(index, (t) => {
      const rc = sandboxPodSpec(t).runtimeClassName;
      const name = typeof rc === "string" ? rc : "";
      return name !== "" && allowed.includes(name) ? null : [{ failedPath: "spec.podTemplate.spec.runtimeClassName" }];
    });
  },
});
