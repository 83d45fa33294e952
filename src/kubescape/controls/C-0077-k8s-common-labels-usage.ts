import { DEFAULT_CONTROL_INPUTS } from "../engine/defaultInputs.ts";
import { defineControl } from "./define.ts";
import { evaluateLabelUsage } from "./lib/labels.ts";
import { inputOr } from "./lib/workload.ts";

/** Workloads (and their pod templates) without any app.kubernetes.io/* recommended label. */
export const control = defineControl({
  id: "C-0077",
  description: "Fails workloads whose metadata or pod template carries none of the k8sRecommendedLabels input (app.kubernetes.io/name, instance, version...).",
  remediation: "Add the Kubernetes common labels (app.kubernetes.io/name and friends) to each workload and its pod template.",
  evaluate: (index, inputs) => evaluateLabelUsage(index, inputOr(inputs, "k8sRecommendedLabels", DEFAULT_CONTROL_INPUTS.k8sRecommendedLabels)),
});
