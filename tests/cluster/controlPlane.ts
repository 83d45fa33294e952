import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";
import { controlPlaneBinaries } from "./binaries.ts";

export interface ControlPlane {
  /** https://127.0.0.1:PORT */
  server: string;
  token: string;
  kubeconfigPath: string;
  caFile: string;
  dir: string;
  helm: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where kubeconfig, keys and logs go; a fresh temp dir by default. */
  dir?: string;
  /** Keep the directory after stop (for `just cluster`). */
  keepDir?: boolean;
}

/**
 * Starts a real kube-apiserver (v1.34, built from the Go module proxy) on kine's in-memory
 * store, on random loopback ports with token auth and RBAC, and writes an admin kubeconfig.
 */
export async function startControlPlane(options: StartOptions = {}): Promise<ControlPlane> {
  const bins = controlPlaneBinaries();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "ks-cp-"));
  mkdirSync(join(dir, "pki"), { recursive: true });
  const [storePort, apiPort] = [await freePort(), await freePort()];

  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(join(dir, "sa.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(join(dir, "sa.pub"), publicKey.export({ type: "spki", format: "pem" }));
  const token = randomBytes(16).toString("hex");
  writeFileSync(join(dir, "tokens.csv"), `${token},admin,admin,"system:masters"\n`);

  const processes: Started[] = [];
  const stopAll = async () => {
    for (const p of processes.reverse()) await p.stop();
  };
  try {
    processes.push(
      startProcess(bins.kine, [`--listen-address=127.0.0.1:${storePort}`, "--metrics-bind-address=0", "--endpoint=memory://"], join(dir, "kine.log")),
    );
    await waitFor("kine", async () => (await fetch(`http://127.0.0.1:${storePort}/health`).catch(() => undefined)) !== undefined || tcpOpen(storePort), 20_000);

    processes.push(
      startProcess(
        bins.kubeApiserver,
        [
          `--etcd-servers=http://127.0.0.1:${storePort}`,
          "--bind-address=127.0.0.1",
          "--advertise-address=127.0.0.1",
          `--secure-port=${apiPort}`,
          `--cert-dir=${join(dir, "pki")}`,
          `--token-auth-file=${join(dir, "tokens.csv")}`,
          "--authorization-mode=RBAC",
          "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          `--service-account-key-file=${join(dir, "sa.pub")}`,
          `--service-account-signing-key-file=${join(dir, "sa.key")}`,
          "--service-cluster-ip-range=10.0.0.0/24",
          "--disable-admission-plugins=ServiceAccount",
          "--allow-privileged=true",
          "--endpoint-reconciler-type=none",
          "--profiling=false",
          "--enable-priority-and-fairness=false",
        ],
        join(dir, "kube-apiserver.log"),
      ),
    );
    const server = `https://127.0.0.1:${apiPort}`;
    await waitFor(
      "kube-apiserver /readyz",
      async () => {
        const res = await fetch(`${server}/readyz`, { headers: { authorization: `Bearer ${token}` }, tls: { rejectUnauthorized: false } } as RequestInit);
        return res.status === 200;
      },
      120_000,
      250,
    );
    const caFile = join(dir, "pki", "apiserver.crt");
    const kubeconfigPath = join(dir, "kubeconfig");
    writeFileSync(kubeconfigPath, kubeconfigYaml(server, caFile, token));
    return {
      server,
      token,
      kubeconfigPath,
      caFile,
      dir,
      helm: bins.helm,
      async stop() {
        await stopAll();
        if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopAll();
    throw new Error(`${(err as Error).message} (logs in ${dir})`);
  }
}

async function tcpOpen(port: number): Promise<boolean> {
  try {
    const socket = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } });
    socket.end();
    return true;
  } catch {
    return false;
  }
}

export function kubeconfigYaml(server: string, caFile: string, token: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: ks-test",
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority: ${caFile}`,
    "users:",
    "- name: admin",
    "  user:",
    `    token: ${token}`,
    "contexts:",
    "- name: ks-test",
    "  context: {cluster: ks-test, user: admin, namespace: default}",
    "current-context: ks-test",
    "",
  ].join("\n");
}
