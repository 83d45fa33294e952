/** `just cluster`: one real control plane in the foreground; kubeconfig at .cluster/kubeconfig. */
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { startControlPlane } from "./controlPlane.ts";

const root = resolve(import.meta.dir, "../..");
const dir = join(root, ".cluster");
mkdirSync(dir, { recursive: true });
const cp = await startControlPlane();
const kubeconfig = join(dir, "kubeconfig");
copyFileSync(cp.kubeconfigPath, kubeconfig);
copyFileSync(cp.caFile, join(dir, "apiserver.crt"));
// Point the copy at the CA copy that lives as long as .cluster does.
await Bun.write(kubeconfig, (await Bun.file(kubeconfig).text()).replace(cp.caFile, join(dir, "apiserver.crt")));
console.log(`kube-apiserver ready at ${cp.server}`);
console.log(`export KUBECONFIG=${kubeconfig}`);
console.log(`helm: ${cp.helm}`);
console.log("Ctrl-C to stop.");
const shutdown = async () => {
  await cp.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
await new Promise(() => {});
