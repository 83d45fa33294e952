/**
 * Runs a command with one shared real control plane: `bun tests/cluster/withControlPlane.ts CMD...`.
 * The command sees KUBECONFIG-style env: KS_TEST_KUBECONFIG and KS_TEST_HELM.
 */
import { spawn } from "node:child_process";
import { startControlPlane } from "./controlPlane.ts";

// Bun keeps or drops a leading "--" depending on how it is invoked; accept both forms.
const cmd = process.argv.slice(2);
if (cmd[0] === "--") cmd.shift();
if (cmd.length === 0) {
  console.error("usage: bun tests/cluster/withControlPlane.ts COMMAND [ARGS...]");
  process.exit(2);
}
const started = Date.now();
const cp = await startControlPlane();
console.error(`control plane ready in ${Date.now() - started} ms at ${cp.server} (kubeconfig ${cp.kubeconfigPath})`);
const child = spawn(cmd[0]!, cmd.slice(1), {
  stdio: "inherit",
  env: { ...process.env, KS_TEST_KUBECONFIG: cp.kubeconfigPath, KS_TEST_HELM: cp.helm },
});
const code: number = await new Promise((resolve) => child.on("exit", (c, sig) => resolve(c ?? (sig ? 1 : 0))));
await cp.stop();
process.exit(code);
