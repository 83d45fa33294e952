import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface ControlPlaneBinaries {
  dir: string;
  kubeApiserver: string;
  kine: string;
  helm: string;
}

let cached: ControlPlaneBinaries | undefined;

/**
 * The cached control-plane binaries, built from the Go module proxy on first use
 * (tools/build-control-plane.sh; a no-op when the cache already holds them).
 */
export function controlPlaneBinaries(): ControlPlaneBinaries {
  if (cached) return cached;
  const script = join(import.meta.dir, "../../tools/build-control-plane.sh");
  const res = spawnSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 60 * 60 * 1000 });
  if (res.status !== 0) throw new Error(`building the control plane failed (exit ${res.status})`);
  const dir = res.stdout.trim().split("\n").pop()!;
  cached = { dir, kubeApiserver: join(dir, "kube-apiserver"), kine: join(dir, "kine"), helm: join(dir, "helm") };
  return cached;
}
