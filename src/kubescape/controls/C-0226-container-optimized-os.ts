import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Operating systems built for containers (kubescape's list: Bottlerocket). */
const OPTIMIZED_PREFIXES = ["Bottlerocket"];

/** Nodes whose OS image is not a container-optimized OS. */
export const control = defineControl({
  id: "C-0226",
  description: "Container-optimized operating systems have a smaller attack surface than general-purpose ones.",
  remediation: "Run nodes on a container-optimized OS such as Bottlerocket where possible.",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Node").map((node) => {
      const os = (node.status as { nodeInfo?: { osImage?: unknown } } | undefined)?.nodeInfo?.osImage;
      const ok = typeof os === "string" && OPTIMIZED_PREFIXES.some((p) => os.startsWith(p));
      return ok ? { object: node, status: "passed", paths: [] } : { object: node, status: "failed", paths: [] };
    });
    return { results };
  },
});
