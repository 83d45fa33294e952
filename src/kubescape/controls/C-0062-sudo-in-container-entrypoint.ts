import { defineControl } from "./define.ts";
import { evaluateContainers, failed } from "./lib/workload.ts";

/** Containers whose command runs sudo. */
export const control = defineControl({
  id: "C-0062",
  description: "Fails containers whose command contains sudo: the image carries sudo and the entrypoint expects to gain root.",
  remediation: "Remove sudo from the image and the entrypoint; run as a non-root user with the permissions it needs.",
  evaluate: (index) =>
    evaluateContainers(index, (c) => {
      const cmd = c.container.command;
      if (!Array.isArray(cmd)) return [];
      return cmd.flatMap((part, k) => (typeof part === "string" && part.includes("sudo") ? [failed(`${c.path}.command[${k}]`)] : []));
    }),
});
