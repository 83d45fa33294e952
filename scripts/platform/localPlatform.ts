/**
 * The whole platform on this machine: the backend, then the chart installed into a real API
 * server, then every in-cluster component started as its pod would be (see podAsProcess.ts).
 * Used by `just up` and by the end-to-end suite.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type KubeConfig } from "../../src/common/kube.ts";
import { freePort, waitFor } from "../../tests/support/ports.ts";
import { startProcess } from "../../tests/support/processes.ts";
import { podProcessSpec, type RunningComponent, runComponent, serviceAccountKubeconfig, type WorkloadRef } from "./podAsProcess.ts";

export const CHART_DIR = resolve(import.meta.dir, "../../helm/kubescape-cloud-operator");

export interface PlatformOptions {
  kc: KubeConfig;
  kubeconfigPath: string;
  helm: string;
  /** The compiled multi-call binary (dist/ks). */
  binary: string;
  /** Work folder: logs, local copies of mounts, backend data. */
  root: string;
  namespace?: string;
  account?: string;
  clusterName?: string;
  /** A prepared vulnerability database for kubevuln (air-gapped: KS_DOWNLOAD_ARTIFACTS=false). */
  vulnDbPath: string;
  recurringScheduler?: "cronjob" | "croner";
  /** Extra `--set` values for the chart. */
  values?: Record<string, string>;
  /** Components to start (default: all in-cluster services). */
  components?: ComponentName[];
}

export type ComponentName = "gateway" | "operator" | "kubescape" | "kubevuln" | "kollector";

const WORKLOADS: Record<ComponentName, WorkloadRef> = {
  gateway: { kind: "Deployment", name: "gateway" },
  operator: { kind: "Deployment", name: "operator" },
  kubescape: { kind: "Deployment", name: "kubescape" },
  kubevuln: { kind: "Deployment", name: "kubevuln" },
  kollector: { kind: "StatefulSet", name: "kollector" },
};

export interface Platform {
  namespace: string;
  account: string;
  clusterName: string;
  accessKey: string;
  adminUser: string;
  adminPassword: string;
  backendUrl: string;
  backend: RunningComponent;
  components: Map<ComponentName, RunningComponent>;
  /** Local address of each in-cluster service name (what cluster DNS would resolve). */
  serviceAddresses: Record<string, string>;
  readinessUrl(name: ComponentName | "backend"): string;
  waitReady(name: ComponentName | "backend", timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function randomToken(n: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

async function run(cmd: string[], env: Record<string, string | undefined>): Promise<string> {
  const p = Bun.spawn(cmd, { stdout: "pipe", stderr: "pipe", env: env as Record<string, string> });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  if (code !== 0) throw new Error(`${cmd.slice(0, 3).join(" ")} failed (${code}): ${err || out}`);
  return out;
}

export async function startLocalPlatform(options: PlatformOptions): Promise<Platform> {
  const namespace = options.namespace ?? "kubescape";
  const account = options.account ?? crypto.randomUUID();
  const clusterName = options.clusterName ?? "local";
  const accessKey = randomToken(40);
  const adminUser = "admin";
  const adminPassword = randomToken(20);
  const root = options.root;
  mkdirSync(root, { recursive: true });
  const ports = {
    backend: await freePort(),
    gatewayWs: await freePort(),
    gatewayHttp: await freePort(),
    gatewayReady: await freePort(),
    operator: await freePort(),
    operatorReady: await freePort(),
    kubescape: await freePort(),
    kubevuln: await freePort(),
    kollectorReady: await freePort(),
  };
  const backendUrl = `http://127.0.0.1:${ports.backend}`;

  // 1. The backend (event receiver + master gateway + dashboard), as `ks backend`.
  const backendEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    PORT: String(ports.backend),
    BIND_ADDRESS: "127.0.0.1",
    DATA_DIR: join(root, "backend-data"),
    BACKEND_API_KEYS: `${account}:${accessKey}`,
    ADMIN_USER: adminUser,
    ADMIN_PASSWORD: adminPassword,
    SESSION_SECRET: randomToken(32),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  const backendSpec = { component: "backend", args: ["backend"], env: {}, mounts: {} };
  const backend = runComponent(options.binary, "backend", backendSpec, backendEnv, join(root, "backend.log"));

  const serviceAddresses: Record<string, string> = {
    "gateway:8001": `127.0.0.1:${ports.gatewayWs}`,
    "gateway:8002": `127.0.0.1:${ports.gatewayHttp}`,
    "operator:4002": `127.0.0.1:${ports.operator}`,
    "kubescape:8080": `127.0.0.1:${ports.kubescape}`,
    "kubevuln:8080": `127.0.0.1:${ports.kubevuln}`,
    "backend:8080": `127.0.0.1:${ports.backend}`,
  };
  const readiness: Record<ComponentName | "backend", string> = {
    backend: `${backendUrl}/readyz`,
    gateway: `http://127.0.0.1:${ports.gatewayReady}/v1/readiness`,
    operator: `http://127.0.0.1:${ports.operatorReady}/v1/readiness`,
    kubescape: `http://127.0.0.1:${ports.kubescape}/readyz`,
    kubevuln: `http://127.0.0.1:${ports.kubevuln}/v1/readiness`,
    kollector: `http://127.0.0.1:${ports.kollectorReady}/v1/readiness`,
  };
  const waitReady = async (name: ComponentName | "backend", timeoutMs = 60_000) => {
    await waitFor(`${name} readiness`, async () => (await fetch(readiness[name]).catch(() => undefined))?.status === 200, timeoutMs, 200);
  };
  const components = new Map<ComponentName, RunningComponent>();
  const stop = async () => {
    for (const c of [...components.values()].reverse()) await c.stop();
    await backend.stop();
  };
  try {
    await waitReady("backend");

    // 2. The chart, into the real API server, pointed at the local backend.
    const helmEnv = { ...process.env, KUBECONFIG: options.kubeconfigPath, HELM_CACHE_HOME: join(root, "helm-cache"), HELM_CONFIG_HOME: join(root, "helm-config"), HELM_DATA_HOME: join(root, "helm-data") };
    const values: Record<string, string> = {
      ksNamespace: namespace,
      account,
      clusterName,
      accessKey,
      eventReceiverURL: backendUrl,
      gatewayURL: `ws://127.0.0.1:${ports.backend}/v1/waitfornotification`,
      triggerNewImageScan: "true",
      "operator.recurringScheduler": options.recurringScheduler ?? "cronjob",
      ...options.values,
    };
    await run(
      [options.helm, "upgrade", "--install", "ks", CHART_DIR, "--namespace", namespace, "--create-namespace", "--no-hooks", ...Object.entries(values).flatMap(([k, v]) => ["--set", `${k}=${v}`])],
      helmEnv,
    );

    // 3. Each component as its pod would run.
    const clusterDataOverrides = {
      GATEWAY_WEBSOCKET_URL: serviceAddresses["gateway:8001"]!,
      GATEWAY_REST_URL: serviceAddresses["gateway:8002"]!,
      OPERATOR_URL: serviceAddresses["operator:4002"]!,
      KUBESCAPE_URL: serviceAddresses["kubescape:8080"]!,
      KUBEVULN_URL: serviceAddresses["kubevuln:8080"]!,
      VULN_SCAN_URL: serviceAddresses["kubevuln:8080"]!,
      BIND_ADDRESS: "127.0.0.1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    };
    const portEnv: Record<ComponentName, Record<string, string>> = {
      gateway: { WEBSOCKET_PORT: String(ports.gatewayWs), HTTP_PORT: String(ports.gatewayHttp), READINESS_PORT: String(ports.gatewayReady) },
      operator: { PORT: String(ports.operator), READINESS_PORT: String(ports.operatorReady) },
      kubescape: { KS_PORT: String(ports.kubescape) },
      kubevuln: { PORT: String(ports.kubevuln), KS_DOWNLOAD_ARTIFACTS: "false" },
      kollector: { READINESS_PORT: String(ports.kollectorReady) },
    };
    const wanted = options.components ?? (["gateway", "kubescape", "kubevuln", "operator", "kollector"] as ComponentName[]);
    for (const name of wanted) {
      const spec = await podProcessSpec(options.kc, namespace, WORKLOADS[name], join(root, "pods"));
      const env: Record<string, string> = { ...clusterDataOverrides, ...portEnv[name] };
      if (spec.serviceAccount && ["operator", "kubescape", "kollector"].includes(name)) {
        const kubeconfig = join(root, "pods", name, "kubeconfig");
        await serviceAccountKubeconfig(options.kc, namespace, spec.serviceAccount, kubeconfig);
        env.KUBECONFIG = kubeconfig;
      }
      if (name === "kubevuln") {
        const dbPath = spec.env.KS_VULNDB ?? join(root, "pods", "kubevuln", "vulndb.sqlite");
        mkdirSync(dirname(dbPath), { recursive: true });
        copyFileSync(options.vulnDbPath, dbPath);
        env.KS_VULNDB = dbPath;
      }
      const component = runComponent(options.binary, name, spec, env, join(root, `${name}.log`));
      components.set(name, component);
    }
    for (const name of wanted) await waitReady(name);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    namespace,
    account,
    clusterName,
    accessKey,
    adminUser,
    adminPassword,
    backendUrl,
    backend,
    components,
    serviceAddresses,
    readinessUrl: (name) => readiness[name],
    waitReady,
    stop,
  };
}

/** Rewrites a CronJob container's in-cluster host argument to the local address (no cluster DNS here). */
export function localizeArgs(args: string[], serviceAddresses: Record<string, string>): string[] {
  return args.map((a) => {
    for (const [service, local] of Object.entries(serviceAddresses)) if (a.includes(service)) return a.replace(service, local);
    return a;
  });
}

export { startProcess };
