import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** The Kubernetes minors still supported upstream at the reference commit. */
const SUPPORTED = ["v1.35", "v1.34", "v1.33"];

/** Nodes whose kubelet runs a Kubernetes minor no longer supported upstream. */
export const control = defineControl({
  id: "C-0273",
  description: "Kubelets on unsupported Kubernetes versions receive no security fixes.",
  remediation: "Upgrade the cluster to a supported Kubernetes version.",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Node").map((node) => {
      const v = (node.status as { nodeInfo?: { kubeletVersion?: unknown } } | undefined)?.nodeInfo?.kubeletVersion;
      if (typeof v !== "string") return { object: node, status: "passed", paths: [] };
      const ok = SUPPORTED.some((s) => v === s || v.startsWith(`${s}.`) || v.startsWith(`${s}-`) || v.startsWith(`${s}+`));
      return ok ? { object: node, status: "passed", paths: [] } : { object: node, status: "failed", paths: [{ reviewPath: "status.nodeInfo.kubeletVersion" }] };
    });
    return { results };
  },
});
