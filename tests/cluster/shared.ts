import { readFileSync } from "node:fs";
import { type ControlPlane, startControlPlane } from "./controlPlane.ts";

/**
 * The control plane for an integration test file. `just test-all` starts one per run and passes
 * it in KS_TEST_KUBECONFIG (+ KS_TEST_HELM); a file run alone starts its own and stops it after.
 */
let pending: Promise<ControlPlane> | undefined;

export function sharedControlPlane(): Promise<ControlPlane> {
  pending ??= (async () => {
    const kubeconfigPath = process.env.KS_TEST_KUBECONFIG;
    if (kubeconfigPath) {
      const text = readFileSync(kubeconfigPath, "utf8");
      const server = /server: (\S+)/.exec(text)?.[1] ?? "";
      const token = /token: (\S+)/.exec(text)?.[1] ?? "";
      const caFile = /certificate-authority: (\S+)/.exec(text)?.[1] ?? "";
      return { server, token, caFile, kubeconfigPath, dir: "", helm: process.env.KS_TEST_HELM ?? "helm", stop: async () => {} };
    }
    // Stopped by the process-exit hook in tests/support/processes.ts (kills the process groups).
    return await startControlPlane();
  })();
  return pending;
}
