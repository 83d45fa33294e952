import type { RulePaths } from "../types.ts";
import { defineControl } from "./define.ts";
import { containersOf, evaluateWorkloads } from "./lib/workload.ts";

const SOCKETS = new Set(["/var/run/docker.sock", "/var/run/docker", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock"]);

/** Workloads mounting the container runtime's socket. */
export const control = defineControl({
  id: "C-0074",
  description: "Fails workloads with a hostPath volume on the container runtime socket (docker, containerd, CRI-O), which grants control of every container on the node.",
  remediation: "Remove the runtime socket volume; use the Kubernetes API or a dedicated, restricted agent instead.",
  evaluate: (index) =>
    evaluateWorkloads(index, (t) => {
      const volumes = t.spec.volumes;
      if (!Array.isArray(volumes)) return [];
      const out: RulePaths[] = [];
      volumes.forEach((v, i) => {
        if (typeof v?.hostPath?.path !== "string" || !SOCKETS.has(v.hostPath.path)) return;
        const paths = [`${t.path}.volumes[${i}]`];
        for (const c of containersOf(t, ["containers", "initContainers"])) {
          const mounts = c.container.volumeMounts;
          if (!Array.isArray(mounts)) continue;
          const k = mounts.findIndex((m) => m?.name === v.name);
          if (k >= 0) paths.push(`${c.path}.volumeMounts[${k}]`);
        }
        for (const path of paths) out.push({ failedPath: path, deletePath: path });
      });
      return out;
    }),
});
