import { defineControl } from "./define.ts";
import { evaluateResourceBounds } from "./lib/resources.ts";

/** Containers without memory requests and limits, or outside the configured bounds. */
export const control = defineControl({
  id: "C-0004",
  description: "Fails containers that set no memory request or limit, or whose values fall outside memory_request_min/max and memory_limit_min/max.",
  remediation: "Set resources.requests.memory and resources.limits.memory on every container, within the configured bounds.",
  evaluate: (index, inputs) => evaluateResourceBounds(index, inputs, "memory"),
});
