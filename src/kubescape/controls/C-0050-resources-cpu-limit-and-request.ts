import { defineControl } from "./define.ts";
import { evaluateResourceBounds } from "./lib/resources.ts";

/** Containers without CPU requests and limits, or outside the configured bounds. */
export const control = defineControl({
  id: "C-0050",
  description: "Fails containers that set no CPU request or limit, or whose values fall outside cpu_request_min/max and cpu_limit_min/max.",
  remediation: "Set resources.requests.cpu and resources.limits.cpu on every container, within the configured bounds.",
  evaluate: (index, inputs) => evaluateResourceBounds(index, inputs, "cpu"),
});
