import type { ResourceResult, RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import type { Json } from "./lib/workload.ts";

/** API server pods started with --insecure-port=1 (an unauthenticated HTTP port). */
export const control = defineControl({
  id: "C-0005",
  description: "Fails API server Pods (named kube-apiserver...) with a container command containing --insecure-port=1, which serves the API without authentication or TLS.",
  remediation: "Remove --insecure-port (or set it to 0) from the kube-apiserver command.",
  evaluate: (index) => ({
    // kubescape looks only at Pods named like the API server
    results: index.byKind("Pod").filter((pod) => pod.metadata.name.includes("kube-apiserver")).map((pod): ResourceResult => {
      const containers = (pod as Json).spec?.containers;
      const paths: RulePaths[] = [];
      if (Array.isArray(containers)) {
        containers.forEach((c: Json, i: number) => {
          const cmd = c?.command;
          if (!Array.isArray(cmd)) return;
          cmd.forEach((part: unknown, j: number) => {
            if (typeof part === "string" && part.includes("--insecure-port=1")) paths.push({ failedPath: `spec.containers[${i}].command[${j}]` });
          });
        });
      }
      return paths.length > 0 ? { object: pod, status: "failed", paths } : { object: pod, status: "passed", paths: [] };
    }),
  }),
});
