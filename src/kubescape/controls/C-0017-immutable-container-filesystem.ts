import { defineControl } from "./define.ts";
import { ALL_CONTAINERS, evaluateContainers, fix } from "./lib/workload.ts";

/** Containers with a writable root file system. */
export const control = defineControl({
  id: "C-0017",
  description: "Fails workloads with a container (init and ephemeral included) whose securityContext.readOnlyRootFilesystem is not true (the default is writable).",
  remediation: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the application must write.",
  evaluate: (index) =>
    evaluateContainers(index, (c) =>
      c.container.securityContext?.readOnlyRootFilesystem === true ? [] : [fix(`${c.path}.securityContext.readOnlyRootFilesystem`, "true")],
      ALL_CONTAINERS,
    ),
});
