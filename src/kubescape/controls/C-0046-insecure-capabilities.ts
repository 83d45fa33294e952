import { DEFAULT_CONTROL_INPUTS } from "../engine/defaultInputs.ts";
import { defineControl } from "./define.ts";
import { ALL_CONTAINERS, evaluateContainers, inputOr } from "./lib/workload.ts";

/** Containers adding dangerous Linux capabilities. */
export const control = defineControl({
  id: "C-0046",
  description: "Fails workloads whose containers (init and ephemeral included) add a capability listed in the insecureCapabilities input (SYS_ADMIN, NET_ADMIN, ALL...).",
  remediation: "Remove the listed capabilities from securityContext.capabilities.add; drop ALL and add back only what is needed.",
  evaluate: (index, inputs) => {
    const insecure = new Set(inputOr(inputs, "insecureCapabilities", DEFAULT_CONTROL_INPUTS.insecureCapabilities));
    return evaluateContainers(
      index,
      (c) => {
        const add = c.container.securityContext?.capabilities?.add;
        if (!Array.isArray(add)) return [];
        return add.flatMap((cap, k) => {
          if (typeof cap !== "string" || !insecure.has(cap)) return [];
          const path = `${c.path}.securityContext.capabilities.add[${k}]`;
          return [{ failedPath: path, deletePath: path }];
        });
      },
      ALL_CONTAINERS,
    );
  },
});
