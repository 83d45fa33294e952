import { DEFAULT_CONTROL_INPUTS } from "../engine/defaultInputs.ts";
import { defineControl } from "./define.ts";
import { evaluateLabelUsage } from "./lib/labels.ts";
import { inputOr } from "./lib/workload.ts";

/** Workloads (and their pod templates) without any of the recommended labels. */
export const control = defineControl({
  id: "C-0076",
  description: "Fails workloads whose metadata or pod template carries none of the recommendedLabels input (app, tier, phase, version, owner, env).",
  remediation: "Label each workload and its pod template with at least one of the recommended labels.",
  evaluate: (index, inputs) => evaluateLabelUsage(index, inputOr(inputs, "recommendedLabels", DEFAULT_CONTROL_INPUTS.recommendedLabels)),
});
